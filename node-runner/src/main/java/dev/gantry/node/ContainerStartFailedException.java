package dev.gantry.node;

/**
 * The engine refused to create or start a container (missing image, name taken, bad command).
 * Nothing is left behind: a container that was created is removed before this is thrown.
 */
public class ContainerStartFailedException extends RuntimeException {
    public ContainerStartFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
