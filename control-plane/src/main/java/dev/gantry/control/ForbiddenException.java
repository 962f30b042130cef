package dev.gantry.control;

/** The caller is known but may not do this; the message says who may. */
public class ForbiddenException extends GantryException {
    public ForbiddenException(String message) {
        super(message, 403);
    }
}
