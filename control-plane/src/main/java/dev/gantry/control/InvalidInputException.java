package dev.gantry.control;

/** The caller's input breaks a rule; the message says which and how to fix it. */
public class InvalidInputException extends GantryException {
    public InvalidInputException(String message) {
        super(message, 422);
    }
}
