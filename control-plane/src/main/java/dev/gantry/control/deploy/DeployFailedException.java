package dev.gantry.control.deploy;

import dev.gantry.control.GantryException;

/** A build or rollout failed; the running release is untouched. */
public class DeployFailedException extends GantryException {
    public DeployFailedException(String message) {
        super(message, 422);
    }
}
