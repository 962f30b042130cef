package dev.gantry.node;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The value types of the port: what they accept, and the older constructors that must keep working. */
class ContainerSpecTest {

    @Test
    void theSevenArgumentSpecHasDefaultLimits() {
        ContainerSpec spec = new ContainerSpec("web-1", "img", null, null, null, 5000, null);

        assertEquals(ResourceLimits.DEFAULTS, spec.limits());
        assertEquals(List.of(), spec.command());
        assertEquals(ResourceLimits.DEFAULTS,
                new ContainerSpec("web-1", "img", List.of(), Map.of(), Map.of(), 5000, null, null).limits());
    }

    @Test
    void portZeroPublishesNothingAndOtherPortsMustBeValid() {
        assertEquals(0, new ContainerSpec("worker-1", "img", List.of(), Map.of(), Map.of(), 0, null).containerPort());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ContainerSpec("w", "img", List.of(), Map.of(), Map.of(), -1, null));
        assertEquals("containerPort must be 1-65535, or 0 to publish nothing, was -1", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ContainerSpec("w", "img", List.of(), Map.of(), Map.of(), 65536, null));
    }

    @Test
    void limitsRefuseNegativeAndNonNumericValuesNamingTheField() {
        assertEquals(new ResourceLimits(0, 0, 0), ResourceLimits.DEFAULTS);
        assertEquals("limits.memoryBytes must be ≥ 0 (0 = no limit), was -1",
                assertThrows(IllegalArgumentException.class, () -> new ResourceLimits(-1, 0, 0)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new ResourceLimits(0, Double.NaN, 0))
                .getMessage().startsWith("limits.cpus"));
        assertThrows(IllegalArgumentException.class, () -> new ResourceLimits(0, Double.POSITIVE_INFINITY, 0));
        assertThrows(IllegalArgumentException.class, () -> new ResourceLimits(0, -0.5, 0));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new ResourceLimits(0, 0, -1))
                .getMessage().startsWith("limits.pids"));
    }

    @Test
    void theNineArgumentRunningContainerHasNoOomKillAndNoFinishTime() {
        RunningContainer c = new RunningContainer("id", "web-1", "img", Map.of(), true, 0, Instant.EPOCH, "127.0.0.1", 32768);

        assertFalse(c.oomKilled());
        assertNull(c.finishedAt());
    }
}
