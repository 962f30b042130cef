package dev.gantry.control;

/** The request clashes with the current state (a taken name, a deploy already running). */
public class ConflictException extends GantryException {
    public ConflictException(String message) {
        super(message, 409);
    }
}
