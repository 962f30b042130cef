package dev.gantry.node;

import java.util.Objects;

/** A named volume of the engine mounted at an absolute path inside a container. */
public record VolumeMount(String volume, String path) {

    public VolumeMount {
        Objects.requireNonNull(volume, "volume");
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("a mount path must be absolute, was " + path);
        }
    }
}
