package dev.gantry.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;

/**
 * An exclusive lock on a file that one process holds at a time: which router owns the route table,
 * which node runner owns the saved instances. The kernel drops it when its process dies, even by
 * SIGKILL. A second taker in the same process is refused like one in another.
 */
public final class ProcessLock implements AutoCloseable {

    private static final long POLL_MILLIS = 50;

    // The lock lives as long as this channel is open.
    private final FileChannel file;

    private ProcessLock(FileChannel file) {
        this.file = file;
    }

    /**
     * Takes the lock on {@code path}, waiting up to {@code wait} for its holder to let go; runs
     * {@code onWaiting} once if it has to wait. Empty while it is still held after {@code wait}.
     */
    public static Optional<ProcessLock> acquire(Path path, Duration wait, Runnable onWaiting) {
        long deadline = System.nanoTime() + wait.toNanos();
        FileChannel file = null;
        try {
            Files.createDirectories(path.toAbsolutePath().getParent());
            file = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = tryLock(file);
            if (lock == null) {
                onWaiting.run();
            }
            while (lock == null && System.nanoTime() < deadline) {
                Thread.sleep(POLL_MILLIS);
                lock = tryLock(file);
            }
            if (lock == null) {
                close(file);
                return Optional.empty();
            }
            return Optional.of(new ProcessLock(file));
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

    /** Null while another process, or another holder in this one, has it. */
    private static FileLock tryLock(FileChannel file) throws IOException {
        try {
            return file.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    /** Lets go of the lock: whoever waits for it takes over. */
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
