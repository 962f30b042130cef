package dev.gantry.control.services;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What a one-off run wrote on stderr (its first 16 KiB), for the one line that says why it failed. */
final class StderrTail extends OutputStream {

    private static final int MAX_BYTES = 16 * 1024;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final List<String> notes = new ArrayList<>();

    @Override
    public synchronized void write(int b) {
        if (bytes.size() < MAX_BYTES) {
            bytes.write(b);
        }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        bytes.write(b, off, Math.max(0, Math.min(len, MAX_BYTES - bytes.size())));
    }

    /** A reason found on Gantry's side (the run could not start, the file could not be written). */
    synchronized void line(String text) {
        notes.add(text);
    }

    /** The first line that reports an error, else the last line, else the exit code. */
    synchronized String reason(int exit) {
        List<String> lines = new ArrayList<>(bytes.toString(StandardCharsets.UTF_8).lines()
                .map(String::strip).filter(line -> !line.isEmpty()).toList());
        lines.addAll(notes);
        return lines.stream().filter(line -> line.toLowerCase(Locale.ROOT).contains("error")).findFirst()
                .or(() -> lines.isEmpty() ? Optional.empty() : Optional.of(lines.get(lines.size() - 1)))
                .map(line -> line.replaceFirst("^(?i)error:\\s*", ""))
                .orElse(exit == 0 ? "it wrote nothing" : "exit code " + exit);
    }
}
