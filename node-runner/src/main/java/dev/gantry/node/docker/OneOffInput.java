package dev.gantry.node.docker;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;

import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The caller's stdin on an attach of its own. docker-java's client never half-closes the connection
 * when stdin ends, so the engine would never pass the end on (docker-java#1684); an attach that
 * carries only stdin can instead be closed whole, which a container created with StdinOnce takes as
 * the end of its input. The caller's stream itself is never closed here.
 */
final class OneOffInput extends ResultCallback.Adapter<Frame> {

    private final CallerInput stream;
    private final boolean endInputWithStream;
    private final OneOffStreams session;
    private final CountDownLatch attached = new CountDownLatch(1);
    private volatile boolean finished;
    private volatile boolean hungUp;

    /**
     * @param endInputWithStream whether the end of {@code stdin} ends the command's input; a TTY
     *        keeps its input open, as the engine's own terminals do
     * @param session the run's output, ended when reading {@code stdin} or its attach fails
     */
    OneOffInput(InputStream stdin, boolean endInputWithStream, OneOffStreams session) {
        this.stream = new CallerInput(stdin);
        this.endInputWithStream = endInputWithStream;
        this.session = session;
    }

    /** What the engine client's stdin thread reads. */
    InputStream stream() {
        return stream;
    }

    @Override
    public void onStart(Closeable connection) {
        super.onStart(connection);
        attached.countDown();
        if (hungUp) {
            hangUp(); // stdin ended (or the run did) before the engine client handed over the connection
        }
    }

    @Override
    public void onError(Throwable failure) {
        if (!hungUp) {
            session.engineFailed(failure);
        }
        hangUp();
    }

    @Override
    public void close() throws IOException {
        try {
            super.close();
        } finally {
            attached.countDown();
        }
    }

    boolean awaitAttached(Duration timeout) throws InterruptedException {
        return attached.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The run is over: stop forwarding, and hang up. */
    void finish() {
        finished = true;
        hangUp();
    }

    private void hangUp() {
        hungUp = true;
        try {
            close();
        } catch (IOException | RuntimeException ignored) {
            // hanging up either way
        }
    }

    /** Reads as ended once the run is over, so the stdin thread stops forwarding to a removed container. */
    private final class CallerInput extends FilterInputStream {

        CallerInput(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (finished) {
                return -1;
            }
            int n;
            try {
                n = in.read(b, off, len);
            } catch (IOException | RuntimeException e) {
                if (!finished) {
                    session.callerFailed(e);
                }
                return -1; // the run is being torn down; an exception would only be printed by that thread
            }
            if (n < 0 && endInputWithStream && !finished) {
                // Every byte before this was written and flushed; hanging up now ends the command's input.
                hangUp();
            }
            return finished ? -1 : n;
        }

        @Override
        public void close() {
            // The caller owns its stdin.
        }
    }
}
