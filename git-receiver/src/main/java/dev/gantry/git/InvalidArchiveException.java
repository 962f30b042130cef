package dev.gantry.git;

/** An uploaded source archive that cannot become a commit; the message says what is wrong and how to fix it. */
public class InvalidArchiveException extends IllegalArgumentException {
    public InvalidArchiveException(String message) {
        super(message);
    }
}
