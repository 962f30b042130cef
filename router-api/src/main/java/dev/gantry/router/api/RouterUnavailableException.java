package dev.gantry.router.api;

/** The router's admin interface did not answer: the router process is not running or not reachable. */
public class RouterUnavailableException extends RuntimeException {

    public RouterUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
