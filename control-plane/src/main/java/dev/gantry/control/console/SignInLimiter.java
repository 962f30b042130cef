package dev.gantry.control.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing: an address that failed to sign in {@code limit} times within a minute
 * is refused, without the password being checked, until its oldest failure is a minute old.
 */
@ApplicationScoped
public class SignInLimiter {

    static final Duration WINDOW = Duration.ofMinutes(1);
    private static final int MAX_ADDRESSES = 10_000;

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final int limit;
    private final Clock clock;

    @Inject
    SignInLimiter(ConsoleSettings settings) {
        this(settings.signInFailuresPerMinute(), Clock.systemUTC());
    }

    SignInLimiter(int limit, Clock clock) {
        this.limit = limit;
        this.clock = clock;
    }

    /** Whether {@code address} may try now. */
    public boolean allows(String address) {
        Deque<Instant> recent = failures.get(address);
        if (recent == null) {
            return true;
        }
        synchronized (recent) {
            forgetOld(recent, clock.instant());
            return recent.size() < limit;
        }
    }

    public void failed(String address) {
        Instant now = clock.instant();
        if (failures.size() >= MAX_ADDRESSES) {
            // Bounded memory under a spray from many addresses: drop what has aged out.
            failures.values().removeIf(recent -> {
                synchronized (recent) {
                    forgetOld(recent, now);
                    return recent.isEmpty();
                }
            });
        }
        Deque<Instant> recent = failures.computeIfAbsent(address, key -> new ArrayDeque<>());
        synchronized (recent) {
            forgetOld(recent, now);
            recent.addLast(now);
        }
    }

    public void succeeded(String address) {
        failures.remove(address);
    }

    private static void forgetOld(Deque<Instant> recent, Instant now) {
        while (!recent.isEmpty() && !recent.peekFirst().isAfter(now.minus(WINDOW))) {
            recent.removeFirst();
        }
    }
}
