package dev.gantry.common;

/**
 * A string that is not an app name. The message names the input as the user typed it (control
 * characters escaped, long input shortened) and states the rule: one line, "what. fix".
 */
public class InvalidAppNameException extends IllegalArgumentException {
    private final String input;

    public InvalidAppNameException(String input) {
        super(TerminalText.quote(input) + " is not a valid app name. " + AppName.RULE);
        this.input = input;
    }

    /** The rejected input, unmodified. */
    public String input() {
        return input;
    }
}
