package dev.gantry.control.logs;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Shows an app's log the way {@code logs} does: the matching tail, then, when following, every new
 * matching line until the reader goes away (its thread is interrupted, or {@code stillThere} turns
 * false). A reader too slow to keep up loses lines rather than hold back the app's output.
 */
public final class LogFollow {

    private static final int BUFFERED_LINES = 10_000;
    private static final long POLL_MILLIS = 1000;

    private LogFollow() {
    }

    public static void show(AppLogStore store, String app, LogQuery query, Consumer<AppLogLine> reader,
            BooleanSupplier stillThere) {
        if (!query.follow()) {
            store.tail(app, query).forEach(reader);
            return;
        }
        BlockingQueue<AppLogLine> fresh = new ArrayBlockingQueue<>(BUFFERED_LINES);
        // Subscribed before the tail is read, so no line falls between the two; the overlap is skipped.
        try (AutoCloseable subscription = store.follow(app, line -> {
            if (query.matches(line)) {
                fresh.offer(line);
            }
        })) {
            List<AppLogLine> tail = store.tail(app, query);
            tail.forEach(reader);
            Set<AppLogLine> shown = new HashSet<>(tail);
            while (stillThere.getAsBoolean()) {
                AppLogLine line = fresh.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (line != null && !shown.remove(line)) {
                    reader.accept(line);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            throw new IllegalStateException("log stream of " + app + " ended: " + e.getMessage(), e);
        }
    }

    /** How a line looks in command output: time, source and text. */
    public static String format(AppLogLine line) {
        return line.time() + " " + line.source() + ": " + line.text();
    }
}
