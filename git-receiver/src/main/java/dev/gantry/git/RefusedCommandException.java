package dev.gantry.git;

/**
 * A command we refuse before doing anything. The message is one line, "what. fix", shown to the
 * client as {@code error: <message>} with exit status 1.
 */
final class RefusedCommandException extends Exception {
    RefusedCommandException(String message) {
        super(message, null, false, false); // an expected outcome: no stack trace to fill
    }
}
