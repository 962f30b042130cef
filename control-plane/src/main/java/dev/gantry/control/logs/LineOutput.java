package dev.gantry.control.logs;

import dev.gantry.common.LineSink;
import dev.gantry.common.TerminalText;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A command's output as lines (sanitized, cut at 4 KiB), each handed on as it is printed: what a
 * release command prints reaches the push, what a cron job prints the app's logs.
 */
public final class LineOutput extends OutputStream {

    private static final int MAX_LINE_BYTES = 4096;

    private final LineSink lines;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    public LineOutput(LineSink lines) {
        this.lines = lines;
    }

    @Override
    public synchronized void write(int b) {
        if (b == '\n') {
            emit();
        } else if (line.size() < MAX_LINE_BYTES) {
            line.write(b);
        }
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            write(bytes[i]);
        }
    }

    @Override
    public synchronized void close() {
        if (line.size() > 0) {
            emit();
        }
    }

    private void emit() {
        lines.line(TerminalText.sanitize(line.toString(StandardCharsets.UTF_8)));
        line.reset();
    }
}
