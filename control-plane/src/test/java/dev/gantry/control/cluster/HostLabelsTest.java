package dev.gantry.control.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gantry.control.InvalidInputException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HostLabelsTest {

    @Test
    void pairsAreReadInKeyOrderAndDescribedAsNodesShowsThem() {
        Map<String, String> labels = HostLabels.parse(List.of("zone=a", "disk=ssd"), false, "zone=a");

        assertEquals(List.of("disk", "zone"), List.copyOf(labels.keySet()));
        assertEquals("disk=ssd,zone=a", HostLabels.describe(labels));
    }

    @Test
    void anEmptyValueRemovesALabelOnlyWhereRemovalsAreAllowed() {
        assertEquals(Map.of("zone", ""), HostLabels.parse(List.of("zone="), true, "zone=a"));
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> HostLabels.parse(List.of("zone="), false, "zone=a"));
        assertTrue(refused.getMessage().startsWith("'' is not a label value for zone"), refused.getMessage());
    }

    @Test
    void aKeyOrValueThatAConstraintCouldNotSayIsRefusedWithTheRule() {
        InvalidInputException key = assertThrows(InvalidInputException.class,
                () -> HostLabels.parse(List.of("Zone=a"), false, "zone=a"));
        assertTrue(key.getMessage().contains("is not a label name: use lowercase letters"), key.getMessage());
        InvalidInputException value = assertThrows(InvalidInputException.class,
                () -> HostLabels.parse(List.of("zone=a,b"), false, "zone=a"));
        assertTrue(value.getMessage().contains("'a,b' is not a label value for zone"), value.getMessage());
    }

    @Test
    void aHostCarriesAPlacementWhenItHasEveryLabelOfIt() {
        Map<String, String> host = Map.of("zone", "a", "disk", "ssd");

        assertTrue(HostLabels.carries(host, Map.of("zone", "a")));
        assertTrue(HostLabels.carries(host, Map.of()));
        assertFalse(HostLabels.carries(host, Map.of("zone", "a", "gpu", "yes")));
        assertFalse(HostLabels.carries(host, Map.of("zone", "b")));
    }
}
