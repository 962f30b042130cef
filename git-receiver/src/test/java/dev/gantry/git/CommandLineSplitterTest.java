package dev.gantry.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CommandLineSplitterTest {
    @Test
    void splitsLikeAShellWithoutDoingAnythingElse() throws RefusedCommandException {
        assertEquals(List.of("git-receive-pack", "/myapp.git"), split("git-receive-pack '/myapp.git'"));
        assertEquals(List.of("apps:create", "my app", "x"), split("apps:create 'my app' x"));
        assertEquals(List.of("a", "b c", "d\"e", "$(id)", "`id`"), split("a  \"b c\"\t\"d\\\"e\" '$(id)' `id`"));
        assertEquals(List.of("it's"), split("'it'\\''s'")); // how git quotes a single quote
        assertEquals(List.of("a;", "id"), split("a; id"));
        assertEquals(List.of("", "x"), split("'' x"));
        assertEquals(List.of("a\\b"), split("\"a\\b\""));
        assertEquals(List.of(), split("   "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"'open", "\"open", "a 'b' 'c", "trailing\\", "nul\0byte", "new\nline", "cr\rx", "esc\u001b[2J",
        "del\u007f"})
    void refusesWhatASafeSplitCannotHandle(String line) {
        RefusedCommandException e = assertThrows(RefusedCommandException.class, () -> split(line));
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void refusesMoreThanEightKibibytes() throws RefusedCommandException {
        assertEquals(1, split("a".repeat(CommandLineSplitter.MAX_BYTES)).size());
        assertThrows(RefusedCommandException.class, () -> split("a".repeat(CommandLineSplitter.MAX_BYTES + 1)));
        // counted in UTF-8 bytes, not characters
        assertThrows(RefusedCommandException.class, () -> split("\u00e9".repeat(CommandLineSplitter.MAX_BYTES / 2 + 1)));
    }

    private static List<String> split(String line) throws RefusedCommandException {
        return CommandLineSplitter.split(line);
    }
}
