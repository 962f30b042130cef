package dev.gantry.control.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gantry.control.InvalidInputException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigEditTest {

    private static final Map<String, String> CURRENT = Map.of("GREETING", "hello", "TOKEN", "s3cret");

    @Test
    void addsEditsAndRemovesInOneChangeAndLeavesEmptyRowsAlone() {
        Map<String, String> changes = ConfigEdit.changes(CURRENT,
                FormRows.pairs(List.of("GREETING", "TOKEN", "COLOR", ""), List.of("bonjour", "", "blue", "")),
                List.of("TOKEN"));

        Map<String, String> expected = new HashMap<>();
        expected.put("GREETING", "bonjour");
        expected.put("TOKEN", null);
        expected.put("COLOR", "blue");
        assertEquals(expected, changes);
    }

    @Test
    void aRevealedValueSentBackUnchangedIsNoChange() {
        Map<String, String> changes = ConfigEdit.changes(CURRENT,
                FormRows.pairs(List.of("GREETING", "TOKEN"), List.of("hello", "t2")), List.of());

        assertEquals(Map.of("TOKEN", "t2"), changes);
    }

    @Test
    void anUntouchedFormIsRefusedRatherThanMakingAnEmptyRelease() {
        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> ConfigEdit.changes(CURRENT,
                FormRows.pairs(List.of("GREETING", "TOKEN", ""), List.of("", "", "")), List.of()));

        assertTrue(refused.getMessage().startsWith("nothing changed"), refused.getMessage());
    }

    @Test
    void aNewKeyWithoutValueAndAValueWithoutKeyAreRefusedByName() {
        assertEquals("COLOR: a new var needs a value", assertThrows(InvalidInputException.class,
                () -> ConfigEdit.changes(CURRENT, FormRows.pairs(List.of("COLOR"), List.of("")), List.of()))
                .getMessage());
        assertTrue(assertThrows(InvalidInputException.class,
                () -> ConfigEdit.changes(CURRENT, FormRows.pairs(List.of(""), List.of("blue")), List.of())).getMessage()
                .contains("without a key"));
    }
}
