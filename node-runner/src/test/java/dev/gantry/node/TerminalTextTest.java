package dev.gantry.node;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TerminalTextTest {

    @Test
    void keepsPlainTextTabsAndUnicode() {
        assertEquals("Step 1/3 : FROM scratch\t— ok ✓", TerminalText.sanitize("Step 1/3 : FROM scratch\t— ok ✓"));
    }

    @Test
    void keepsColourSequences() {
        assertEquals("\u001b[1;31mred\u001b[0m \u001b[m", TerminalText.sanitize("\u001b[1;31mred\u001b[0m \u001b[m"));
    }

    @Test
    void dropsCarriageReturnsAndOtherControlCharacters() {
        assertEquals("progress 50%100%", TerminalText.sanitize("progress 50%\r100%"));
        assertEquals("ab", TerminalText.sanitize("a\rb"));
        assertEquals("ab", TerminalText.sanitize("a\u0000\u0007\b\u007f\u0085\u009bb"));
    }

    @Test
    void dropsOperatingSystemCommandsWithTheirPayload() {
        assertEquals("before after", TerminalText.sanitize("before \u001b]0;owned title\u0007after"));
        assertEquals("before after", TerminalText.sanitize("before \u001b]8;;http://evil\u001b\\after"));
        assertEquals("cut", TerminalText.sanitize("cut\u001b]0;never terminated"));
    }

    @Test
    void dropsCursorMovesErasesAndOtherEscapes() {
        assertEquals("abc", TerminalText.sanitize("a\u001b[2Jb\u001b[1A\u001b[?25lc"));
        assertEquals("ab", TerminalText.sanitize("a\u001bcb"));       // full terminal reset
        assertEquals("ab", TerminalText.sanitize("a\u001b[31;1Hb"));  // cursor position, not colour
        assertEquals("a", TerminalText.sanitize("a\u001b"));
        assertEquals("a", TerminalText.sanitize("a\u001b[31"));       // unterminated
    }

    @Test
    void plainTextDropsColoursTooButKeepsTabs() {
        assertEquals("red\tok", TerminalText.plain("\u001b[1;31mred\u001b[0m\tok\r"));
        assertEquals("before after", TerminalText.plain("before \u001b]0;title\u0007after"));
    }
}
