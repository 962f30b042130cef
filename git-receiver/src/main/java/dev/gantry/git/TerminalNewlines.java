package dev.gantry.git;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Output for a client whose terminal is in raw mode ({@code ssh -t}): a newline not already
 * preceded by a carriage return gets one, as a pty's line discipline would add (onlcr).
 */
final class TerminalNewlines extends FilterOutputStream {

    private int previous = -1;

    TerminalNewlines(OutputStream out) {
        super(out);
    }

    @Override
    public void write(int b) throws IOException {
        if (b == '\n' && previous != '\r') {
            out.write('\r');
        }
        out.write(b);
        previous = b;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        int start = offset;
        for (int i = offset; i < offset + length; i++) {
            byte b = bytes[i];
            if (b == '\n' && (i > offset ? bytes[i - 1] : previous) != '\r') {
                out.write(bytes, start, i - start);
                out.write('\r');
                start = i;
            }
        }
        out.write(bytes, start, offset + length - start);
        if (length > 0) {
            previous = bytes[offset + length - 1];
        }
    }
}
