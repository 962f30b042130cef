package dev.gantry.control.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gantry.control.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReleaseVersionTest {

    @Test
    void acceptsVNAndN() {
        assertEquals(3, RollbackService.parseVersion("v3"));
        assertEquals(12, RollbackService.parseVersion("12"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"v0", "v-1", "vX", "v2;id", "", "V3", "v03", "v1234567890", " v2"})
    void refusesAnythingElseWithTheExpectedForm(String text) {
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> RollbackService.parseVersion(text));

        assertTrue(refused.getMessage().contains("Write it as vN"), refused.getMessage());
    }
}
