package dev.gantry.control;

/** No credentials, or wrong ones. */
public class UnauthorizedException extends GantryException {
    public UnauthorizedException(String message) {
        super(message, 401);
    }
}
