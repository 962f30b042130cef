package dev.gantry.control.formation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How often each slot ({@code web.2} of {@code v7}) of an app has crashed in a row, and when it may
 * be started again: exponential backoff from 1 s, capped at a minute. The key includes the release,
 * so a new release starts with a clean slate; an instance that stays up a minute clears its slot.
 */
@ApplicationScoped
public class CrashHistory {

    static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    static final Duration MAX_BACKOFF = Duration.ofMinutes(1);
    static final Duration STABLE_UPTIME = Duration.ofMinutes(1);
    /** From this many crashes in a row, the slot is reported as crash-looping. */
    static final int CRASH_LOOP = 3;

    private final Clock clock;
    private final ConcurrentHashMap<String, Crashes> slots = new ConcurrentHashMap<>();

    @Inject
    public CrashHistory() {
        this(Clock.systemUTC());
    }

    CrashHistory(Clock clock) {
        this.clock = clock;
    }

    /** A crash of the slot; returns how long until it may start again. */
    public Duration crashed(String app, int version, String slot, String reason) {
        Crashes crashes = slots.compute(key(app, version, slot), (key, before) -> {
            int count = before == null ? 1 : before.count + 1;
            return new Crashes(count, clock.instant().plus(backoff(count)), reason);
        });
        return backoff(crashes.count);
    }

    /** Forgets the slot's crashes: its instance has stayed up long enough ({@link #STABLE_UPTIME}). */
    public void forget(String app, int version, String slot) {
        slots.remove(key(app, version, slot));
    }

    /** The release's crash history by slot ({@code web.2}). */
    public Map<String, Crashes> ofRelease(String app, int version) {
        String prefix = app + "/" + version + "/";
        Map<String, Crashes> bySlot = new HashMap<>();
        slots.forEach((key, crashes) -> {
            if (key.startsWith(prefix)) {
                bySlot.put(key.substring(prefix.length()), crashes);
            }
        });
        return bySlot;
    }

    public Optional<Crashes> of(String app, int version, String slot) {
        return Optional.ofNullable(slots.get(key(app, version, slot)));
    }

    public void forgetApp(String app) {
        slots.keySet().removeIf(key -> key.startsWith(app + "/"));
    }

    static Duration backoff(int crashesInARow) {
        Duration delay = FIRST_BACKOFF.multipliedBy(1L << Math.min(crashesInARow - 1, 16));
        return delay.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : delay;
    }

    private static String key(String app, int version, String slot) {
        return app + "/" + version + "/" + slot;
    }

    /** Crashes in a row of one slot, when it may start again, and why it last stopped. */
    public record Crashes(int count, Instant retryAt, String lastReason) {
        public boolean looping() {
            return count >= CRASH_LOOP;
        }

        /** Whether the backoff is over at {@code now}. */
        public boolean allowsStartAt(Instant now) {
            return !now.isBefore(retryAt);
        }
    }
}
