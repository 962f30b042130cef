package dev.gantry.node;

import dev.gantry.common.TerminalText;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Turns a stream of text chunks, which may end mid-line, into whole sanitized lines. Holds at most
 * one line, cut at {@code maxLineChars} and marked with "…", so a program printing megabytes
 * without a newline cannot exhaust memory.
 */
public final class LineSplitter {

    public static final int DEFAULT_MAX_LINE_CHARS = 4096;
    private static final String TRUNCATED = "…";

    private final int maxLineChars;
    private final UnaryOperator<String> sanitizer;
    private final Consumer<String> lines;
    private final StringBuilder current = new StringBuilder();
    private boolean truncated;

    public LineSplitter(int maxLineChars, Consumer<String> lines) {
        this(maxLineChars, TerminalText::sanitize, lines);
    }

    /** Cleans each line with {@code sanitizer} (e.g. {@link TerminalText#plain}) before the cut mark is added. */
    public LineSplitter(int maxLineChars, UnaryOperator<String> sanitizer, Consumer<String> lines) {
        if (maxLineChars < 1) {
            throw new IllegalArgumentException("maxLineChars must be ≥ 1, was " + maxLineChars);
        }
        this.maxLineChars = maxLineChars;
        this.sanitizer = sanitizer;
        this.lines = lines;
    }

    public LineSplitter(Consumer<String> lines) {
        this(DEFAULT_MAX_LINE_CHARS, lines);
    }

    public void accept(String chunk) {
        for (int i = 0; i < chunk.length(); i++) {
            char c = chunk.charAt(i);
            if (c == '\n') {
                emit();
            } else if (current.length() < maxLineChars) {
                current.append(c);
            } else {
                truncated = true;
            }
        }
    }

    /** Emits the last line if the stream did not end with a newline. */
    public void finish() {
        if (current.length() > 0 || truncated) {
            emit();
        }
    }

    private void emit() {
        String line = sanitizer.apply(current.toString());
        lines.accept(truncated ? line + TRUNCATED : line);
        current.setLength(0);
        truncated = false;
    }
}
