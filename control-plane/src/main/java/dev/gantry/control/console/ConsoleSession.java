package dev.gantry.control.console;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One signed-in browser: its user, the CSRF token every form of the session carries, and a notice
 * to show once on the next page (what the last change did or why it was refused).
 */
public final class ConsoleSession {

    final String id;
    final String user;
    final String csrf;
    private volatile Instant lastUsed;
    private final AtomicReference<Notice> notice = new AtomicReference<>();

    /** A one-time message; {@code problem} shows it as an error. */
    public record Notice(String text, boolean problem) {
    }

    ConsoleSession(String id, String user, String csrf, Instant now) {
        this.id = id;
        this.user = user;
        this.csrf = csrf;
        this.lastUsed = now;
    }

    public String user() {
        return user;
    }

    public String csrf() {
        return csrf;
    }

    void touch(Instant now) {
        lastUsed = now;
    }

    Instant lastUsed() {
        return lastUsed;
    }

    void tell(Notice next) {
        notice.set(next);
    }

    /** The pending notice, once: a reload does not show it again. */
    public Notice takeNotice() {
        return notice.getAndSet(null);
    }
}
