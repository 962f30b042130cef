package dev.gantry.git;

import java.io.InputStream;
import java.io.OutputStream;

/** The three streams of one SSH exec channel, and whether the client asked for a terminal. */
record ExecStreams(InputStream in, OutputStream out, OutputStream err, boolean tty) {
}
