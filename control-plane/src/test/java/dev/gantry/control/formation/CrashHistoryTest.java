package dev.gantry.control.formation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CrashHistoryTest {

    private Instant now = Instant.parse("2026-11-23T12:00:00Z");
    private final CrashHistory history = new CrashHistory(new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    });

    @Test
    void backoffDoublesFromOneSecondAndIsCappedAtAMinute() {
        assertEquals(Duration.ofSeconds(1), CrashHistory.backoff(1));
        assertEquals(Duration.ofSeconds(2), CrashHistory.backoff(2));
        assertEquals(Duration.ofSeconds(32), CrashHistory.backoff(6));
        assertEquals(Duration.ofMinutes(1), CrashHistory.backoff(7));
        assertEquals(Duration.ofMinutes(1), CrashHistory.backoff(1000));
    }

    private boolean mayStart(String app, int version, String slot) {
        return history.of(app, version, slot).map(crashes -> crashes.allowsStartAt(now)).orElse(true);
    }

    @Test
    void aCrashedSlotWaitsOutItsBackoffAndIsReportedAsLoopingFromTheThirdCrash() {
        assertTrue(mayStart("app", 3, "web.1"));

        history.crashed("app", 3, "web.1", "exited with code 1");
        assertFalse(mayStart("app", 3, "web.1"));
        now = now.plusSeconds(1);
        assertTrue(mayStart("app", 3, "web.1"));

        history.crashed("app", 3, "web.1", "exited with code 1");
        assertFalse(history.of("app", 3, "web.1").orElseThrow().looping());
        Duration third = history.crashed("app", 3, "web.1", "exited with code 2");
        assertEquals(Duration.ofSeconds(4), third);
        assertTrue(history.of("app", 3, "web.1").orElseThrow().looping());
        assertEquals("exited with code 2", history.of("app", 3, "web.1").orElseThrow().lastReason());
    }

    @Test
    void aNewReleaseOrAForgottenSlotStartsWithACleanSlate() {
        history.crashed("app", 3, "web.1", "exited with code 1");

        assertTrue(mayStart("app", 4, "web.1"), "another release has its own history");
        assertTrue(mayStart("other", 3, "web.1"), "another app has its own history");

        assertEquals(java.util.Set.of("web.1"), history.ofRelease("app", 3).keySet());
        history.forget("app", 3, "web.1");
        assertTrue(history.of("app", 3, "web.1").isEmpty());
    }
}
