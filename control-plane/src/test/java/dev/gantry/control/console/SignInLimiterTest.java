package dev.gantry.control.console;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SignInLimiterTest {

    private final MutableClock clock = new MutableClock();
    private final SignInLimiter limiter = new SignInLimiter(5, clock);

    @Test
    void fiveFailuresInAMinuteShutTheAddressOutUntilTheOldestIsAMinuteOld() {
        for (int i = 0; i < 5; i++) {
            assertTrue(limiter.allows("10.0.0.1"));
            limiter.failed("10.0.0.1");
            clock.advance(Duration.ofSeconds(5));
        }

        assertFalse(limiter.allows("10.0.0.1"));
        assertTrue(limiter.allows("10.0.0.2"), "other addresses are not affected");
        clock.advance(Duration.ofSeconds(40));
        assertTrue(limiter.allows("10.0.0.1"), "the first failure is a minute old");
    }

    @Test
    void aSuccessClearsTheFailures() {
        for (int i = 0; i < 4; i++) {
            limiter.failed("10.0.0.1");
        }
        limiter.succeeded("10.0.0.1");
        limiter.failed("10.0.0.1");

        assertTrue(limiter.allows("10.0.0.1"));
    }

    static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
