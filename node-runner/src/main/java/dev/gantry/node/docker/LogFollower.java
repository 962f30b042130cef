package dev.gantry.node.docker;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import dev.gantry.common.TerminalText;
import dev.gantry.node.LineSplitter;
import dev.gantry.node.LogLine;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Follows one container's or service's logs ({@link LogRequest}), requested with the engine's
 * timestamps, and hands each line to the sink on the engine's stream thread. The engine prefixes every line with its RFC 3339 time but
 * takes {@code since} in whole seconds only, so older lines of that second are dropped here.
 */
final class LogFollower extends ResultCallback.Adapter<Frame> {

    private static final Logger LOG = Logger.getLogger(LogFollower.class);
    /** RFC 3339 with nanoseconds and a zone offset is 35 characters; anything longer is not a timestamp. */
    private static final int MAX_TIMESTAMP_CHARS = 40;
    private static final Duration CATCH_UP_TIMEOUT = Duration.ofSeconds(10);

    private final LogRequest source;
    private final Instant since;
    private final Consumer<LogLine> sink;
    private final StreamLines stdout = new StreamLines(LogLine.STDOUT);
    private final StreamLines stderr = new StreamLines(LogLine.STDERR);
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile boolean closing;
    /** The newest engine time seen so far; lines up to it are not repeated by the catch-up read. */
    private Instant newestSeen;
    private Instant repeatedThrough;

    LogFollower(LogRequest source, Instant since, Consumer<LogLine> sink) {
        this.source = source;
        this.since = since;
        this.sink = sink;
    }

    /** Starts following on the engine client's stream thread; returns at once. */
    LogFollower start() {
        return source.read(since, true).exec(this);
    }

    @Override
    public void onStart(Closeable stream) {
        super.onStart(stream);
        if (closing) {
            closeQuietly(); // the handle was closed before the engine answered
        }
    }

    @Override
    public void onNext(Frame frame) {
        accept(frame);
    }

    @Override
    public void onError(Throwable failure) {
        if (closing) {
            return; // the stream failing is what closing it does
        }
        if (!(failure instanceof NotFoundException)) {
            LOG.warnf(failure, "following the logs of %s ended early", source.subject());
        }
        // A missing container or a broken stream ends following, like the container's exit does.
        closeQuietly();
    }

    @Override
    public void onComplete() {
        if (!closing) {
            catchUp();
            stdout.finish();
            stderr.finish();
        }
        super.onComplete();
    }

    @Override
    public void close() throws IOException {
        closing = true;
        try {
            super.close();
        } finally {
            ended.countDown();
        }
    }

    /**
     * Waits until following has ended (container stopped, handle closed, container missing).
     * Unlike {@link #awaitCompletion(long, TimeUnit)} it leaves the stream open when time runs out.
     */
    boolean awaitClosed(long timeout, TimeUnit unit) throws InterruptedException {
        return ended.await(timeout, unit);
    }

    private void accept(Frame frame) {
        // A TTY container has one raw stream: everything it wrote counts as stdout.
        StreamLines lines = frame.getStreamType() == StreamType.STDERR ? stderr : stdout;
        try {
            lines.accept(frame.getPayload());
        } catch (RuntimeException e) {
            LOG.warnf(e, "the reader of %s's logs failed; no longer following them", source.subject());
            closeQuietly();
        }
    }

    /**
     * A live follow can end before the container's last line when that line has no newline
     * (moby#43860), so once the engine ends the stream, the logs are read once more from the
     * newest line seen, and only what is newer goes on.
     */
    private void catchUp() {
        repeatedThrough = newestSeen;
        stdout.expectEntry();
        stderr.expectEntry();
        ResultCallback.Adapter<Frame> rest = new ResultCallback.Adapter<>() {
            @Override
            public void onNext(Frame frame) {
                if (!closing) {
                    accept(frame);
                }
            }
        };
        try {
            source.read(newestSeen == null ? since : newestSeen, false).exec(rest).awaitCompletion(
                    CATCH_UP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.debugf(e, "reading the last logs of %s failed", source.subject()); // removed meanwhile, most likely
        }
    }

    private void closeQuietly() {
        try {
            close();
        } catch (Exception e) {
            LOG.debug("closing a log stream failed", e);
        }
    }

    /** One stream's bytes back into timestamped lines; multi-byte characters may span frames. */
    private final class StreamLines {
        private final String stream;
        private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        private final LineSplitter splitter = new LineSplitter(LineSplitter.DEFAULT_MAX_LINE_CHARS,
                TerminalText::plain, this::emit);
        private final StringBuilder timestamp = new StringBuilder();
        private ByteBuffer undecoded = ByteBuffer.allocate(0);
        private boolean atLineStart = true;
        private boolean midLine;
        private boolean repeated;
        private Instant lineTime;

        StreamLines(String stream) {
            this.stream = stream;
        }

        void accept(byte[] payload) {
            String text = decode(payload);
            int i = 0;
            while (i < text.length()) {
                if (atLineStart) {
                    i = readTimestamp(text, i);
                    if (atLineStart) {
                        return; // the rest of the timestamp comes in the next frame
                    }
                }
                int newline = text.indexOf('\n', i);
                int end = newline < 0 ? text.length() : newline + 1;
                if (!repeated) {
                    splitter.accept(text.substring(i, end));
                    midLine = newline < 0;
                }
                atLineStart = newline >= 0;
                i = end;
            }
        }

        /**
         * The next bytes start a new log entry with its time, as a new read of the logs does. A
         * line the splitter still holds continues only if the next entry is newer.
         */
        void expectEntry() {
            atLineStart = true;
            timestamp.setLength(0);
            undecoded = ByteBuffer.allocate(0);
        }

        void finish() {
            splitter.finish();
        }

        /** Reads the engine's time prefix and the space after it; returns where the line's text starts. */
        private int readTimestamp(String text, int from) {
            for (int i = from; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == ' ') {
                    startLine(timestamp.toString());
                    return i + 1;
                }
                if (c == '\n' || timestamp.length() == MAX_TIMESTAMP_CHARS) {
                    String notATimestamp = timestamp.toString();
                    startLine("");
                    splitter.accept(notATimestamp); // keep it as the line's text
                    return i;
                }
                timestamp.append(c);
            }
            return text.length();
        }

        /** A line starts at {@code engineTime}; when that is not a time after all, at the current time. */
        private void startLine(String engineTime) {
            Instant time = parse(engineTime);
            if (!midLine) {
                lineTime = time == null ? Instant.now() : time; // a continued line keeps the time it started at
            }
            timestamp.setLength(0);
            atLineStart = false;
            repeated = time != null && repeatedThrough != null && !time.isAfter(repeatedThrough);
            if (time != null && (newestSeen == null || time.isAfter(newestSeen))) {
                newestSeen = time;
            }
        }

        private void emit(String line) {
            if (since == null || !lineTime.isBefore(since)) {
                sink.accept(new LogLine(lineTime, stream, line));
            }
        }

        private String decode(byte[] payload) {
            ByteBuffer in = ByteBuffer.allocate(undecoded.remaining() + payload.length).put(undecoded).put(payload).flip();
            CharBuffer out = CharBuffer.allocate(in.remaining());
            decoder.decode(in, out, false);
            undecoded = in.slice(); // an incomplete character at the end waits for the next frame
            return out.flip().toString();
        }

        private Instant parse(String engineTime) {
            try {
                return Instant.parse(engineTime);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
    }
}
