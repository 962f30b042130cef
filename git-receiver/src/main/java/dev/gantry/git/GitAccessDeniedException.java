package dev.gantry.git;

/** Refuses a git operation; the message is shown to the client as one line. */
public class GitAccessDeniedException extends RuntimeException {
    public GitAccessDeniedException(String message) {
        super(message);
    }
}
