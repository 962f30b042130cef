package dev.gantry.control;

/**
 * Base of the errors Gantry shows to people: the message is one sentence with the reason and the
 * fix, and {@link #status()} is the HTTP status the REST API answers with.
 */
public abstract class GantryException extends RuntimeException {

    private final int status;

    protected GantryException(String message, int status) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
