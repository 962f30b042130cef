package dev.gantry.node;

import java.time.Instant;
import java.util.Objects;

/**
 * One line a container wrote, as the engine recorded it: when, on which stream ({@value #STDOUT} or
 * {@value #STDERR}), and the text without its newline, as plain text: control characters other
 * than tabs and every escape sequence (colours too) removed, cut at 4 KiB.
 */
public record LogLine(Instant time, String stream, String text) {

    public static final String STDOUT = "stdout";
    public static final String STDERR = "stderr";

    public LogLine {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(text, "text");
    }
}
