package dev.gantry.control;

import dev.gantry.common.AppName;

/** The named thing does not exist (or the caller may not know it does). */
public class NotFoundException extends GantryException {
    public NotFoundException(String message) {
        super(message, 404);
    }

    /**
     * The answer for an unknown app, and for an app the caller may not know of. A name that cannot be
     * an app's (say {@code ../../etc} from a URL) is called invalid instead, and never offered back as
     * a command to run.
     */
    public static GantryException app(String name) {
        if (!AppName.isValid(name)) {
            return InvalidInputException.appName(name);
        }
        return new NotFoundException("app '" + name + "' does not exist. Create it with apps:create " + name
                + " or push to it");
    }
}
