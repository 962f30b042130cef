package dev.gantry.control;

import dev.gantry.common.InvalidAppNameException;

/** The caller's input breaks a rule; the message says which and how to fix it. */
public class InvalidInputException extends GantryException {
    public InvalidInputException(String message) {
        super(message, 422);
    }

    private InvalidInputException(String message, int status) {
        super(message, status);
    }

    /**
     * A name where an app's belongs (a path, a command's argument) that no app can have: a bad request
     * (400), told with the rule. A well-formed body whose field breaks a rule stays a 422.
     */
    public static InvalidInputException appName(String name) {
        return new InvalidInputException(new InvalidAppNameException(name).getMessage(), 400);
    }
}
