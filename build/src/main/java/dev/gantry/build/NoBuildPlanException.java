package dev.gantry.build;

/** The tree holds nothing Gantry knows how to build; the message lists what was looked for. */
public class NoBuildPlanException extends RuntimeException {
    public NoBuildPlanException(String message) {
        super(message);
    }
}
