package dev.gantry.control.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gantry.control.InvalidInputException;
import org.junit.jupiter.api.Test;

class ConfigRulesTest {

    @Test
    void reservedKeysAreRefusedWithWhatToDoInstead() {
        assertEquals("'GANTRY_BUILDPACK' is not a config var here: choose how the app is built with buildpacks:set"
                + " APP KIND (auto goes back to detection)",
                assertThrows(InvalidInputException.class, () -> ConfigRules.checkKey("GANTRY_BUILDPACK")).getMessage());
        assertEquals("'GANTRY_APP' is set by Gantry itself (PORT and GANTRY_* are reserved). Pick another name",
                assertThrows(InvalidInputException.class, () -> ConfigRules.checkKey("GANTRY_APP")).getMessage());
    }

    @Test
    void ordinaryKeysPass() {
        ConfigRules.checkKey("DATABASE_URL");
        ConfigRules.checkKey("_private");
    }

    @Test
    void malformedKeysSayWhatAKeyLooksLike() {
        assertThrows(InvalidInputException.class, () -> ConfigRules.checkKey("1ABC"));
        assertThrows(InvalidInputException.class, () -> ConfigRules.checkKey("A-B"));
    }
}
