package dev.gantry.control.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class ConsoleSessionsTest {

    private final SignInLimiterTest.MutableClock clock = new SignInLimiterTest.MutableClock();
    private final ConsoleSessions sessions = new ConsoleSessions(Duration.ofMinutes(30), clock);

    @Test
    void idsAndCsrfTokensAre256RandomBits() {
        ConsoleSession one = sessions.start("admin");
        ConsoleSession two = sessions.start("admin");

        assertEquals(32, Base64.getUrlDecoder().decode(one.id).length);
        assertEquals(32, Base64.getUrlDecoder().decode(one.csrf).length);
        assertNotEquals(one.id, two.id);
        assertNotEquals(one.id, one.csrf);
    }

    @Test
    void aSessionInUseStaysAndAnIdleOneExpires() {
        ConsoleSession session = sessions.start("admin");
        clock.advance(Duration.ofMinutes(25));
        assertTrue(sessions.find(session.id).isPresent());
        clock.advance(Duration.ofMinutes(25));
        assertTrue(sessions.find(session.id).isPresent(), "used 25 minutes ago");

        clock.advance(Duration.ofMinutes(31));

        assertFalse(sessions.find(session.id).isPresent());
    }

    @Test
    void signingOutEndsTheSessionAndOnlyItsOwnTokenPasses() {
        ConsoleSession session = sessions.start("admin");
        ConsoleSession other = sessions.start("admin");

        assertTrue(ConsoleSessions.csrfMatches(session, session.csrf));
        assertFalse(ConsoleSessions.csrfMatches(session, other.csrf));
        assertFalse(ConsoleSessions.csrfMatches(session, null));
        sessions.end(session);
        assertFalse(sessions.find(session.id).isPresent());
        assertTrue(sessions.find(other.id).isPresent());
    }
}
