package dev.gantry.control.services;

import dev.gantry.control.ConflictException;
import dev.gantry.control.apps.AppLocks;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One change to a service at a time (create, link, backup, restore, destroy), and none while the
 * supervisor replaces its instance: a restore that stops Redis must not see it started again behind
 * its back. Backups are short, so a second command waits for the first rather than fail.
 */
@ApplicationScoped
public class ServiceLocks {

    private static final long MAX_WAIT_MINUTES = 10;

    private final ConcurrentHashMap<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    AppLocks.Held acquire(String service) {
        ReentrantLock lock = locks.computeIfAbsent(service, name -> new ReentrantLock(true));
        try {
            if (!lock.tryLock(MAX_WAIT_MINUTES, TimeUnit.MINUTES)) {
                throw new ConflictException("another change to " + service + " has been running for " + MAX_WAIT_MINUTES
                        + " minutes. Wait for it, then try again");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConflictException("interrupted while waiting for another change to " + service + ". Try again");
        }
        return lock::unlock;
    }

    /** The lock if it is free now: the supervisor skips a busy service until its next round. */
    Optional<AppLocks.Held> tryAcquire(String service) {
        ReentrantLock lock = locks.computeIfAbsent(service, name -> new ReentrantLock(true));
        return lock.tryLock() ? Optional.of(lock::unlock) : Optional.empty();
    }
}
