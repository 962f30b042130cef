package dev.gantry.node;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gantry.common.TerminalText;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineSplitterTest {

    private final List<String> lines = new ArrayList<>();

    @Test
    void joinsPartialChunksIntoWholeLines() {
        LineSplitter splitter = new LineSplitter(lines::add);
        splitter.accept("Step 1/2 : FR");
        assertEquals(List.of(), lines);
        splitter.accept("OM scratch\n ---> abc\nlast");
        assertEquals(List.of("Step 1/2 : FROM scratch", " ---> abc"), lines);
        splitter.finish();
        assertEquals(List.of("Step 1/2 : FROM scratch", " ---> abc", "last"), lines);
    }

    @Test
    void keepsEmptyLinesAndEmitsNothingExtraAtTheEnd() {
        LineSplitter splitter = new LineSplitter(lines::add);
        splitter.accept("a\n\nb\r\n");
        splitter.finish();
        assertEquals(List.of("a", "", "b"), lines);
    }

    @Test
    void cutsOverlongLinesAndResumesAfterTheNewline() {
        LineSplitter splitter = new LineSplitter(4, lines::add);
        splitter.accept("abcdefgh");
        splitter.accept("ijk\nxy\n");
        assertEquals(List.of("abcd…", "xy"), lines);
    }

    @Test
    void sanitizesEachLine() {
        LineSplitter splitter = new LineSplitter(lines::add);
        splitter.accept("50%\r100% \u001b]0;t\u0007\u001b[32mok\u001b[0m\n");
        assertEquals(List.of("50%100% \u001b[32mok\u001b[0m"), lines);
    }

    @Test
    void usesTheGivenSanitizerBeforeTheCutMark() {
        LineSplitter splitter = new LineSplitter(12, TerminalText::plain, lines::add);
        splitter.accept("\u001b[32mok\u001b[0m\n0123456789abcdef\n");
        assertEquals(List.of("ok", "0123456789ab…"), lines);
    }
}
