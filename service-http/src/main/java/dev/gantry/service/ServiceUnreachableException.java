package dev.gantry.service;

/**
 * A service did not answer at all (refused, timed out, cut off), where {@link ServiceProblem} is an
 * answer. The cause says how; the caller says what to do about it.
 */
public class ServiceUnreachableException extends RuntimeException {

    public ServiceUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
