package dev.gantry.git;

import dev.gantry.common.LineSink;
import dev.gantry.common.TerminalText;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.jboss.logging.Logger;

/**
 * Writes each line, made terminal-safe, to a stream and flushes it at once: a build's output must
 * reach {@code git push} while the build runs, not when the push ends. JGit's sideband stream
 * buffers up to 64 KiB unless flushed. Thread-safe, since build output may arrive on any thread.
 * A client that went away is not an error for the caller: the push decides the outcome.
 */
final class FlushingLineSink implements LineSink {
    private static final Logger LOG = Logger.getLogger(FlushingLineSink.class);

    private final OutputStream out;

    FlushingLineSink(OutputStream out) {
        this.out = out;
    }

    @Override
    public synchronized void line(String text) {
        try {
            for (String line : TerminalText.safeLines(text)) {
                out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            }
            out.flush();
        } catch (IOException clientGone) {
            LOG.debugf("Progress line not delivered: %s", clientGone.getMessage());
        }
    }
}
