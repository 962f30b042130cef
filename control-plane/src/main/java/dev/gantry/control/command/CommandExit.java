package dev.gantry.control.command;

/**
 * Ends a command with a non-zero exit code and nothing more to say, e.g. {@code run} passing on
 * the exit code of what it ran: whatever was wrong has already been printed.
 */
public class CommandExit extends RuntimeException {

    private final int code;

    public CommandExit(int code) {
        super("exit code " + code, null, false, false);
        this.code = code;
    }

    public int code() {
        return code;
    }
}
