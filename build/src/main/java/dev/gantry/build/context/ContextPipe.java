package dev.gantry.build.context;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A build context on its way from the repository to the engine, with no copy on disk: a writer
 * fills a pipe in the background while the engine reads the other end. A tar cut short is still a
 * tar to the engine, which would build from whatever arrived; so the end of the stream is passed on
 * only once the writer has finished the whole archive, and a writer that failed is an
 * {@link IOException} at the reading end instead, which makes the engine drop the build.
 */
public final class ContextPipe implements AutoCloseable {

    /** Writes a whole context to {@code out}; the pipe closes {@code out} after it. */
    @FunctionalInterface
    public interface Writer {
        void writeTo(OutputStream out) throws IOException;
    }

    /** How long a writer that closed its end may take to report how it ended. */
    private static final long WRITER_REPORT_SECONDS = 5;

    private final PipedInputStream pipe;
    private final CompletableFuture<Void> writing;

    private ContextPipe(PipedInputStream pipe, CompletableFuture<Void> writing) {
        this.pipe = pipe;
        this.writing = writing;
    }

    /** Starts {@code writer} on a background thread, with {@code bufferBytes} between it and the reader. */
    public static ContextPipe start(Writer writer, int bufferBytes) throws IOException {
        PipedInputStream pipe = new PipedInputStream(bufferBytes);
        OutputStream out = new PipedOutputStream(pipe);
        CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> {
            try (out) {
                writer.writeTo(out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return new ContextPipe(pipe, writing);
    }

    /** The reading end: the context, ending only if it was written whole. */
    public InputStream input() {
        return new FilterInputStream(pipe) {
            @Override
            public int read() throws IOException {
                return endsOnlyWhenWhole(super.read());
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                return endsOnlyWhenWhole(super.read(buffer, offset, length));
            }

            // The pipe itself is closed by ContextPipe.close, after the reader is done with it.
            @Override
            public void close() {
            }
        };
    }

    private int endsOnlyWhenWhole(int read) throws IOException {
        if (read == -1) {
            try {
                writing.get(WRITER_REPORT_SECONDS, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                Exception cause = causeOf(e);
                throw new IOException("the build context was cut short: " + cause.getMessage(), cause);
            } catch (TimeoutException e) {
                throw new IOException("the build context was cut short: its writer closed it without finishing");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for the build context's writer");
            }
        }
        return read;
    }

    /**
     * Why the writer failed, waiting a few seconds for it to end; empty when it wrote the whole
     * context, or is still writing then (the reader stopped reading, say): the reader's own error is
     * the one to tell.
     */
    public Optional<Exception> failure() throws InterruptedIOException {
        try {
            writing.get(WRITER_REPORT_SECONDS, TimeUnit.SECONDS);
            return Optional.empty();
        } catch (ExecutionException e) {
            return Optional.of(causeOf(e));
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the build context's writer");
        }
    }

    private static Exception causeOf(ExecutionException e) {
        Throwable cause = e.getCause() instanceof UncheckedIOException unchecked ? unchecked.getCause() : e.getCause();
        return cause instanceof Exception exception ? exception : new IllegalStateException(cause);
    }

    /** Ends the pipe; a writer still writing gets an error and stops. */
    @Override
    public void close() throws IOException {
        pipe.close();
    }
}
