package dev.gantry.control.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gantry.control.InvalidInputException;
import org.junit.jupiter.api.Test;

class PagesTest {

    @Test
    void absentParametersAreTheFirstHundred() {
        Pages pages = Pages.of(null, null);
        assertEquals(100, pages.limit());
        assertEquals(0, pages.offset());
    }

    @Test
    void aPageStartsWhereTheOneBeforeEnds() {
        assertEquals(40, Pages.of("20", "3").offset());
        assertEquals(Integer.MAX_VALUE, Pages.of("1000", String.valueOf(Integer.MAX_VALUE)).offset(),
                "a far page is past the end, not a negative offset");
    }

    @Test
    void badValuesNameTheParameterAndTheRange() {
        assertEquals("limit: '0' must be a whole number from 1 to 1000, e.g. ?limit=100&page=1",
                assertThrows(InvalidInputException.class, () -> Pages.of("0", null)).getMessage());
        assertEquals("page: 'two' must be a whole number from 1 to the last page, e.g. ?limit=100&page=1",
                assertThrows(InvalidInputException.class, () -> Pages.of(null, "two")).getMessage());
        assertThrows(InvalidInputException.class, () -> Pages.of("1001", null));
        assertThrows(InvalidInputException.class, () -> Pages.of("-5", null));
    }
}
