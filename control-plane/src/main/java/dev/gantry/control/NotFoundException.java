package dev.gantry.control;

/** The named thing does not exist (or the caller may not know it does). */
public class NotFoundException extends GantryException {
    public NotFoundException(String message) {
        super(message, 404);
    }

    /** The answer for an unknown app, and for an app the caller may not know of. */
    public static NotFoundException app(String name) {
        return new NotFoundException("app '" + name + "' does not exist. Create it with apps:create " + name
                + " or push to it");
    }
}
