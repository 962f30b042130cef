package dev.gantry.router;

import dev.gantry.common.JbossLogManager;
import io.netty.util.internal.logging.InternalLoggerFactory;
import io.netty.util.internal.logging.JdkLoggerFactory;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Logging for the router as its own process, where Quarkus is not there to set it up: jboss-logging,
 * Vert.x and Netty all go to java.util.logging, one line per record on stderr. Records are formatted
 * and written by a background thread from a bounded queue, so a busy access log never makes an event
 * loop wait on the terminal or spend its time on formatting; if the queue is full, records are dropped
 * and the drop is counted in the log.
 */
final class StandaloneLogging {

    private static final PrintStream STDERR = System.err;
    // java.util.logging holds loggers weakly: a level set on one nobody references is lost when it is
    // collected, and the access log would come back at INFO. These references keep the settings.
    private static final List<Logger> CONFIGURED = new ArrayList<>();

    private StandaloneLogging() {
    }

    /** Call first in main, before any logger exists. */
    static void configure(boolean accessLog) {
        // Without these, jboss-logging and Vert.x pick whatever backend is on the classpath (the control
        // plane's lib dir carries slf4j and the JBoss LogManager, which nobody configures here).
        System.setProperty("org.jboss.logging.provider", "jdk");
        System.setProperty("vertx.logger-delegate-factory-class-name", "io.vertx.core.logging.JULLogDelegateFactory");
        InternalLoggerFactory.setDefaultFactory(JdkLoggerFactory.INSTANCE);
        JbossLogManager.chooseWhenPresent();
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        root.setLevel(Level.INFO);
        root.addHandler(new QueuedHandler());
        Logger netty = Logger.getLogger("io.netty");
        netty.setLevel(Level.WARNING);
        // When a client leaves mid-response, Netty warns once per write that fails on the closed channel
        // ("Failed to mark a promise as failure"); the access log already records the request.
        Logger nettyPromises = Logger.getLogger("io.netty.channel.AbstractChannelHandlerContext");
        nettyPromises.setLevel(Level.SEVERE);
        Logger access = Logger.getLogger(AccessLog.CATEGORY);
        access.setLevel(accessLog ? Level.INFO : Level.OFF);
        CONFIGURED.addAll(List.of(root, netty, nettyPromises, access));
    }

    /** Writes one line at once, for the shutdown path, where java.util.logging may already be closed. */
    static void direct(String level, String category, String message) {
        STDERR.println(startLine(new StringBuilder(), new LogTimestamps(), Instant.now(), level, category).append(message));
        STDERR.flush();
    }

    // The start of every line: "2026-12-03T07:58:12.345Z INFO [access] ".
    private static StringBuilder startLine(StringBuilder line, LogTimestamps timestamps, Instant time, String level,
            String category) {
        timestamps.append(line, time);
        return line.append(' ').append(level).append(" [").append(category).append("] ");
    }

    private static final class QueuedHandler extends Handler {
        // How long the writer sleeps when there is nothing to write. Waking it for every record instead
        // cost the event loops a futex call per request under load; a line now waits at most this long.
        private static final long IDLE_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
        private final BlockingQueue<LogRecord> records = new ArrayBlockingQueue<>(16_384);
        private final LogTimestamps timestamps = new LogTimestamps();
        private final AtomicLong dropped = new AtomicLong();
        private final Thread writer = new Thread(this::write, "gantry-router-log");

        QueuedHandler() {
            writer.setDaemon(true);
            writer.start();
        }

        @Override
        public void publish(LogRecord record) {
            if (!isLoggable(record)) {
                return;
            }
            if (!records.offer(record)) {
                dropped.incrementAndGet();
            }
        }

        @Override
        public void flush() {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            while (!records.isEmpty() && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
        }

        @Override
        public void close() {
            flush();
        }

        private void write() {
            BufferedWriter out = new BufferedWriter(new OutputStreamWriter(STDERR, StandardCharsets.UTF_8), 64 * 1024);
            StringBuilder line = new StringBuilder(256);
            try {
                while (true) {
                    LogRecord record = records.poll();
                    if (record == null) {
                        LockSupport.parkNanos(IDLE_PARK_NANOS);
                        continue;
                    }
                    do {
                        line.setLength(0);
                        startLine(line, timestamps, record.getInstant(), level(record.getLevel()),
                                shortName(record.getLoggerName())).append(record.getMessage());
                        if (record.getThrown() != null) {
                            line.append(": ").append(record.getThrown());
                        }
                        out.append(line);
                        out.newLine();
                    } while ((record = records.poll()) != null);
                    long lost = dropped.getAndSet(0);
                    if (lost > 0) {
                        line.setLength(0);
                        startLine(line, timestamps, Instant.now(), "WARN", "logging")
                                .append(lost).append(" log line(s) dropped: the log could not keep up");
                        out.append(line);
                        out.newLine();
                    }
                    out.flush();
                }
            } catch (IOException e) {
                STDERR.println("log writer stopped: " + e);
            }
        }

        private static String level(Level level) {
            if (level.intValue() >= Level.SEVERE.intValue()) {
                return "ERROR";
            }
            if (level.intValue() >= Level.WARNING.intValue()) {
                return "WARN";
            }
            return level.intValue() >= Level.INFO.intValue() ? "INFO" : "DEBUG";
        }

        private static String shortName(String category) {
            if (category == null) {
                return "-";
            }
            if (category.equals(AccessLog.CATEGORY)) {
                return "access";
            }
            int dot = category.lastIndexOf('.');
            return dot < 0 ? category : category.substring(dot + 1);
        }
    }
}
