package dev.gantry.node;

/**
 * A one-off run ended early on the caller's side: the calling thread was interrupted, or its
 * stdin or output streams failed (the client went away). The container was killed and removed
 * before this is thrown; the cause says which of these happened.
 */
public class OneOffAbortedException extends RuntimeException {
    public OneOffAbortedException(String message, Throwable cause) {
        super(message, cause);
    }
}
