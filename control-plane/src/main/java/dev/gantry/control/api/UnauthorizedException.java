package dev.gantry.control.api;

import dev.gantry.control.GantryException;

/** No credentials, or wrong ones. */
public class UnauthorizedException extends GantryException {
    public UnauthorizedException(String message) {
        super(message, 401);
    }
}
