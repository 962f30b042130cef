package dev.gantry.control.build;

import dev.gantry.control.GantryException;

/** A stack image a build needs could not be built; the message has the engine's reason and what to check. */
public class StackImageUnavailableException extends GantryException {
    public StackImageUnavailableException(String message) {
        super(message, 503);
    }
}
