package dev.gantry.control.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FormatsTest {

    @Test
    void sizesReadInBinaryUnitsWithOneDecimal() {
        assertEquals("0 B", Formats.size(0));
        assertEquals("1023 B", Formats.size(1023));
        assertEquals("1.0 KiB", Formats.size(1024));
        assertEquals("1.5 MiB", Formats.size(3L * 512 * 1024));
        assertEquals("2.0 GiB", Formats.size(2L * 1024 * 1024 * 1024));
    }
}
