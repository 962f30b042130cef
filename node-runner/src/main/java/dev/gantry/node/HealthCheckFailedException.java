package dev.gantry.node;

/** An instance never answered its health check; the message says what was seen last. */
public class HealthCheckFailedException extends RuntimeException {
    public HealthCheckFailedException(String message) {
        super(message);
    }

    public HealthCheckFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
