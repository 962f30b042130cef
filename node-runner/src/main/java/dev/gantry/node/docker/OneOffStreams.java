package dev.gantry.node.docker;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The attached output of one one-off container: relays its bytes unchanged (a TTY session needs
 * its escape sequences) and notes who ended the session early, the caller's side or the engine,
 * so the run can tell an abort from an engine failure.
 */
final class OneOffStreams extends ResultCallback.Adapter<Frame> {

    private final OutputStream stdout;
    private final OutputStream stderr;
    private final CountDownLatch attached = new CountDownLatch(1);
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile Exception callerFailure;
    private volatile Throwable engineFailure;

    OneOffStreams(OutputStream stdout, OutputStream stderr) {
        this.stdout = stdout;
        this.stderr = stderr;
    }

    @Override
    public void onStart(Closeable stream) {
        super.onStart(stream);
        attached.countDown();
    }

    @Override
    public void onNext(Frame frame) {
        // With a TTY the engine sends one raw stream, which is the terminal: it goes to stdout.
        OutputStream out = frame.getStreamType() == StreamType.STDERR ? stderr : stdout;
        try {
            out.write(frame.getPayload());
            out.flush();
        } catch (IOException | RuntimeException e) {
            callerFailed(e); // the client went away
        }
    }

    /** Ends the session from the caller's side; harmless when it already ended. */
    void end() {
        closeQuietly();
    }

    @Override
    public void onError(Throwable failure) {
        engineFailed(failure);
    }

    /** The engine's side of the session failed: end it and remember why, unless the caller's side failed first. */
    void engineFailed(Throwable failure) {
        if (callerFailure == null && engineFailure == null) {
            engineFailure = failure;
        }
        closeQuietly();
    }

    @Override
    public void close() throws IOException {
        try {
            super.close();
        } finally {
            attached.countDown();
            ended.countDown();
        }
    }

    /** Whether the engine accepted the attach (or the session already ended) within {@code timeout}. */
    boolean awaitAttached(Duration timeout) throws InterruptedException {
        return attached.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Waits until the container's output has ended: it exited, or the session was cut short. */
    void awaitEnded() throws InterruptedException {
        ended.await();
    }

    /** Why the caller's side failed (client gone), if it did; this wins over any engine failure it caused. */
    Exception callerFailure() {
        return callerFailure;
    }

    Throwable engineFailure() {
        return callerFailure == null ? engineFailure : null;
    }

    /** The caller's side failed: end the session and remember why. */
    void callerFailed(Exception e) {
        if (callerFailure == null) {
            callerFailure = e;
        }
        closeQuietly();
    }

    private void closeQuietly() {
        try {
            close();
        } catch (IOException | RuntimeException ignored) {
            // the session is over either way
        }
    }
}
