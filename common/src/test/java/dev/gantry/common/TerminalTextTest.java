package dev.gantry.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

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

    @Test
    void keepsColoursAndDropsEverythingElseThatControlsTheTerminal() {
        assertEquals(List.of("\u001b[1;32mok\u001b[0m"), TerminalText.safeLines("\u001b[1;32mok\u001b[0m"));
        assertEquals(List.of("abc"), TerminalText.safeLines("a\u001b[2Jb\u001b[1Ac"));
        assertEquals(List.of("titlegone"), TerminalText.safeLines("title\u001b]0;evil\u0007gone"));
        assertEquals(List.of("link"), TerminalText.safeLines("\u001b]8;;http://x\u001b\\link"));
        assertEquals(List.of("progress 50%progress 100%"), TerminalText.safeLines("progress 50%\rprogress 100%"));
        assertEquals(List.of("a\tb"), TerminalText.safeLines("a\tb\u0000\u0007\u0008\u007f\u009b"));
        assertEquals(List.of("x"), TerminalText.safeLines("x\u001b"));
    }

    @Test
    void splitsOnNewlines() {
        assertEquals(List.of("one", "two"), TerminalText.safeLines("one\ntwo\n"));
        assertEquals(List.of(""), TerminalText.safeLines(""));
        assertEquals("one two", TerminalText.oneLine("one\ntwo"));
    }

    @Test
    void quotesInputForMessages() {
        assertEquals("'a\\u0000b'", TerminalText.quote("a\0b"));
        assertEquals("'" + "x".repeat(64) + "...'", TerminalText.quote("x".repeat(100)));
    }
}
