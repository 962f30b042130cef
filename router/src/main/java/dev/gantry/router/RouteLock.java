package dev.gantry.router;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * Which router process owns the route table: the one holding an exclusive lock on a file beside it.
 * During a restart two routers run at once; only the owner takes route changes, so the table on disk
 * always has one writer. The kernel drops the lock when its process dies, even by SIGKILL.
 */
final class RouteLock implements AutoCloseable {

    private static final long POLL_MILLIS = 50;

    // The lock lives as long as this channel is open.
    private final FileChannel file;

    private RouteLock(FileChannel file) {
        this.file = file;
    }

    /**
     * Takes the lock, waiting up to {@code wait} for the process that holds it to let go; runs
     * {@code onWaiting} once if it has to wait.
     *
     * @throws IllegalStateException if it is still held after {@code wait}
     */
    static RouteLock acquire(Path path, Duration wait, Runnable onWaiting) {
        long deadline = System.nanoTime() + wait.toNanos();
        FileChannel file = null;
        try {
            Files.createDirectories(path.getParent());
            file = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = file.tryLock();
            if (lock == null) {
                onWaiting.run();
            }
            while (lock == null && System.nanoTime() < deadline) {
                Thread.sleep(POLL_MILLIS);
                lock = file.tryLock();
            }
            if (lock == null) {
                throw new IllegalStateException(path + " is still locked by another router after " + wait.toSeconds()
                        + " s: stop that router first (./gantry restart-router stops the old one for you)");
            }
            return new RouteLock(file);
        } catch (IOException e) {
            close(file);
            throw new UncheckedIOException("could not lock " + path + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            close(file);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + path, e);
        } catch (RuntimeException e) {
            close(file);
            throw e;
        }
    }

    /** Lets go of the lock: a router waiting for it takes over the route table. */
    @Override
    public void close() {
        close(file);
    }

    private static void close(FileChannel file) {
        if (file != null) {
            try {
                file.close();
            } catch (IOException e) {
                // Nothing to hold any more.
            }
        }
    }
}
