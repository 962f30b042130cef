package dev.gantry.control.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gantry.control.InvalidInputException;
import org.junit.jupiter.api.Test;

class BuildHistoryTest {

    @Test
    void aBuildNumberIsTakenWithOrWithoutTheHashItIsListedWith() {
        assertEquals(12, BuildHistory.parseNumber("12"));
        assertEquals(12, BuildHistory.parseNumber("#12"));
    }

    @Test
    void anythingElseIsRefusedSayingWhereNumbersComeFrom() {
        for (String bad : new String[] {"latest", "v3", "-1", "1.5", "", "#", "99999999999999999999"}) {
            InvalidInputException refused = assertThrows(InvalidInputException.class,
                    () -> BuildHistory.parseNumber(bad), bad);
            assertEquals("'" + bad + "' is not a build number. Use one that 'builds APP' lists, e.g. builds:info"
                    + " myapp 12", refused.getMessage());
        }
    }
}
