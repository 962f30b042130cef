package dev.gantry.control.releases;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigDiffTest {

    @Test
    void namesAddedRemovedAndChangedKeysButNeverValues() {
        ConfigDiff diff = ConfigDiff.between(Map.of("A", "1", "B", "secret", "C", "same"),
                Map.of("B", "other-secret", "C", "same", "D", "4"));

        assertEquals(List.of("D"), diff.added());
        assertEquals(List.of("A"), diff.removed());
        assertEquals(List.of("B"), diff.changed());
        assertEquals("+D -A ~B", diff.describe());
    }

    @Test
    void identicalConfigsHaveNoChange() {
        assertEquals("no change", ConfigDiff.between(Map.of("A", "1"), Map.of("A", "1")).describe());
    }
}
