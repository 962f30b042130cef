package dev.gantry.control;

import dev.gantry.control.GantryException;

/** A build, rollout or scale change failed; what was serving keeps serving. */
public class DeployFailedException extends GantryException {
    public DeployFailedException(String message) {
        super(message, 422);
    }
}
