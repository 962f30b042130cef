package dev.gantry.node;

/** The container engine cannot be reached (stopped daemon, missing socket, no permission). */
public class EngineUnavailableException extends RuntimeException {
    public EngineUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
