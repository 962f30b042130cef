package dev.gantry.router;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** The access log lines a request leaves, as the router hands them to java.util.logging. */
final class AccessLogLines {

    private AccessLogLines() {
    }

    /** The lines ending with {@code requestId} once {@code request} has run and the router has logged. */
    static List<String> of(String requestId, Callable<?> request) throws Exception {
        List<String> lines = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                synchronized (lines) {
                    lines.add(record.getMessage());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger access = Logger.getLogger(AccessLog.CATEGORY);
        access.addHandler(capture);
        try {
            request.call();
            // Logged once the router has finished writing the response, a moment after the client has it.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (matching(lines, requestId).isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            Thread.sleep(100);
            return matching(lines, requestId);
        } finally {
            access.removeHandler(capture);
        }
    }

    private static List<String> matching(List<String> lines, String requestId) {
        synchronized (lines) {
            return lines.stream().filter(line -> line.endsWith(" " + requestId)).toList();
        }
    }
}
