package dev.gantry.control.services;

import dev.gantry.control.GantryException;

/** A service did not start, or a backup or restore failed; the message says why, in one line. */
public class ServiceFailedException extends GantryException {

    public ServiceFailedException(String message) {
        super(message, 502);
    }
}
