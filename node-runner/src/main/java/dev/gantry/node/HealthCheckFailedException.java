package dev.gantry.node;

/** An instance never answered its health check; the message says what was seen last. */
public class HealthCheckFailedException extends RuntimeException {

    private final String lastSeen;
    private final boolean answered;

    public HealthCheckFailedException(String message) {
        this(message, null, false);
    }

    public HealthCheckFailedException(String message, String lastSeen, boolean answered) {
        super(message);
        this.lastSeen = lastSeen;
        this.answered = answered;
    }

    public HealthCheckFailedException(String message, Throwable cause) {
        super(message, cause);
        this.lastSeen = null;
        this.answered = false;
    }

    /** What the last attempt saw ({@code connection refused}, {@code status 500}); null when no attempt was made. */
    public String lastSeen() {
        return lastSeen;
    }

    /**
     * Whether any attempt got an HTTP answer at all (a 500, say). When none did, the app most likely
     * listens on another port than the one it was given, or has not started listening.
     */
    public boolean answered() {
        return answered;
    }
}
