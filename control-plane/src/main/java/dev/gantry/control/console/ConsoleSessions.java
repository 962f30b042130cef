package dev.gantry.control.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The signed-in browsers, in memory: a restart of the control plane signs everyone out, which is
 * the safe side. Ids and CSRF tokens are 256 random bits; a session idle longer than the setting
 * is dropped when next looked up or when anyone signs in.
 */
@ApplicationScoped
public class ConsoleSessions {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, ConsoleSession> sessions = new ConcurrentHashMap<>();
    private final Duration idle;
    private final Clock clock;

    @Inject
    ConsoleSessions(ConsoleSettings settings) {
        this(settings.sessionIdle(), Clock.systemUTC());
    }

    ConsoleSessions(Duration idle, Clock clock) {
        this.idle = idle;
        this.clock = clock;
    }

    public ConsoleSession start(String user) {
        Instant now = clock.instant();
        sessions.values().removeIf(session -> expired(session, now));
        ConsoleSession session = new ConsoleSession(randomToken(), user, randomToken(), now);
        sessions.put(session.id, session);
        return session;
    }

    public Optional<ConsoleSession> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        ConsoleSession session = sessions.get(id);
        Instant now = clock.instant();
        if (session == null || expired(session, now)) {
            if (session != null) {
                sessions.remove(id);
            }
            return Optional.empty();
        }
        session.touch(now);
        return Optional.of(session);
    }

    public void end(ConsoleSession session) {
        sessions.remove(session.id);
    }

    /** Compares in constant time, so the answer's timing tells nothing about the token. */
    static boolean csrfMatches(ConsoleSession session, String presented) {
        return presented != null && MessageDigest.isEqual(session.csrf.getBytes(StandardCharsets.UTF_8),
                presented.getBytes(StandardCharsets.UTF_8));
    }

    private boolean expired(ConsoleSession session, Instant now) {
        return session.lastUsed().plus(idle).isBefore(now);
    }

    private static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
