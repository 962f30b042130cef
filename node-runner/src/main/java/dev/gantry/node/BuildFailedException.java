package dev.gantry.node;

import java.util.Optional;

/**
 * The engine refused or failed the build. The message is the engine's own error line; {@link #step()}
 * is the build step that was running (e.g. {@code Step 1/3 : FROM doesnotexist:latest}), because
 * some engine errors (a failed base image pull) do not name what they were doing.
 */
public class BuildFailedException extends RuntimeException {
    private final String step;

    public BuildFailedException(String message) {
        this(message, null);
    }

    public BuildFailedException(String message, String step) {
        super(message);
        this.step = step;
    }

    public Optional<String> step() {
        return Optional.ofNullable(step);
    }
}
