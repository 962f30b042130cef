package dev.gantry.control.apps;

import dev.gantry.common.LineSink;
import dev.gantry.control.ConflictException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Serializes changes to one app: a second push waits for the first and says so; different apps
 * deploy in parallel. Held for the whole story, taken before anything else happens.
 */
@ApplicationScoped
public class AppLocks {

    private static final long MAX_WAIT_MINUTES = 30;

    private final ConcurrentHashMap<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    public Held acquire(String app, LineSink progress) {
        ReentrantLock lock = locks.computeIfAbsent(app, name -> new ReentrantLock(true));
        if (!lock.tryLock()) {
            progress.line("-----> Another deploy of " + app + " is running; waiting for it to finish");
            try {
                if (!lock.tryLock(MAX_WAIT_MINUTES, TimeUnit.MINUTES)) {
                    throw new ConflictException("another deploy of " + app + " has been running for "
                            + MAX_WAIT_MINUTES + " minutes. Wait for it, then push again");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ConflictException("interrupted while waiting for another deploy of " + app + ". Push again");
            }
        }
        return lock::unlock;
    }

    /** The lock if it is free now; background work skips a busy app rather than queue behind a deploy. */
    public Optional<Held> tryAcquire(String app) {
        ReentrantLock lock = locks.computeIfAbsent(app, name -> new ReentrantLock(true));
        return lock.tryLock() ? Optional.of(lock::unlock) : Optional.empty();
    }

    /** A held lock; closing it lets the next change of the app go ahead. */
    public interface Held extends AutoCloseable {
        @Override
        void close();
    }
}
