package dev.gantry.control;

/** The named thing does not exist (or the caller may not know it does). */
public class NotFoundException extends GantryException {
    public NotFoundException(String message) {
        super(message, 404);
    }
}
