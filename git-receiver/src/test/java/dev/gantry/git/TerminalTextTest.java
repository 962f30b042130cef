package dev.gantry.git;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class TerminalTextTest {
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
