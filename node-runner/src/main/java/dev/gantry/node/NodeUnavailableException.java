package dev.gantry.node;

/**
 * The node runner cannot be reached. For the control plane this is the engine being unavailable:
 * nothing can start or stop on the node until it answers again.
 */
public class NodeUnavailableException extends EngineUnavailableException {
    public NodeUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
