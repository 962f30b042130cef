package dev.gantry.control.apps;

import dev.gantry.common.LineSink;
import dev.gantry.control.ConflictException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Serializes changes to one app: a change waits for the one before and says so; different apps
 * change in parallel. Held for the whole story, taken before anything else happens. A deploy that
 * moves the app's branch (a push, an upload) never waits behind another one, though: it is refused
 * at once, naming who deploys since when. Had it waited, the first would have moved the branch
 * under it, and git would refuse its ref update after it had deployed.
 */
@ApplicationScoped
public class AppLocks {

    private static final long MAX_WAIT_MINUTES = 30;
    /** Background work (the supervisor, the collector) holds a lock this briefly; not worth a line. */
    private static final Duration UNREMARKABLE_WAIT = Duration.ofSeconds(2);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final ConcurrentHashMap<String, ReentrantLock> locks = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Deploy> deploys = new ConcurrentHashMap<>();

    /** A deploy of an app that holds or waits for its lock: who, since when. */
    private record Deploy(String user, Instant since) {
    }

    /**
     * The lock for a deploy by {@code user} that moves the app's branch.
     *
     * @throws ConflictException when another such deploy of the app runs (or waits for the lock)
     */
    public Held acquireForDeploy(String app, String user, LineSink progress) {
        Deploy mine = new Deploy(user, Instant.now());
        Deploy running = deploys.putIfAbsent(app, mine);
        if (running != null) {
            throw new ConflictException("a deploy of " + app + " by " + running.user() + " is running since "
                    + CLOCK.format(running.since()) + "; push again when it ends");
        }
        try {
            Held lock = acquire(app, progress);
            return () -> {
                deploys.remove(app, mine);
                lock.close();
            };
        } catch (RuntimeException e) {
            deploys.remove(app, mine);
            throw e;
        }
    }

    public Held acquire(String app, LineSink progress) {
        ReentrantLock lock = locks.computeIfAbsent(app, name -> new ReentrantLock(true));
        if (!tryLock(lock, UNREMARKABLE_WAIT)) {
            progress.line("-----> Another change of " + app + " is running; waiting for it to finish");
            try {
                if (!lock.tryLock(MAX_WAIT_MINUTES, TimeUnit.MINUTES)) {
                    throw new ConflictException("another change of " + app + " has been running for "
                            + MAX_WAIT_MINUTES + " minutes. Wait for it, then try again");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ConflictException("interrupted while waiting for another change of " + app + ". Try again");
            }
        }
        return lock::unlock;
    }

    /** The lock if it is free now; background work skips a busy app rather than queue behind a deploy. */
    public Optional<Held> tryAcquire(String app) {
        ReentrantLock lock = locks.computeIfAbsent(app, name -> new ReentrantLock(true));
        return lock.tryLock() ? Optional.of(lock::unlock) : Optional.empty();
    }

    /** The lock if it comes free within {@code patience}; empty otherwise, or when interrupted. */
    public Optional<Held> tryAcquire(String app, Duration patience) {
        ReentrantLock lock = locks.computeIfAbsent(app, name -> new ReentrantLock(true));
        return tryLock(lock, patience) ? Optional.of(lock::unlock) : Optional.empty();
    }

    private static boolean tryLock(ReentrantLock lock, Duration patience) {
        try {
            return lock.tryLock(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A held lock; closing it lets the next change of the app go ahead. */
    public interface Held extends AutoCloseable {
        @Override
        void close();
    }
}
