package dev.gantry.node;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What to run: image, unique container name, environment and Gantry labels. {@code command} empty
 * means the image's own CMD. The container port is published on {@code hostAddress} only
 * (127.0.0.1 when null).
 */
public record ContainerSpec(
        String name,
        String image,
        List<String> command,
        Map<String, String> env,
        Map<String, String> labels,
        int containerPort,
        String hostAddress) {

    public ContainerSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(image, "image");
        command = command == null ? List.of() : List.copyOf(command);
        env = env == null ? Map.of() : Map.copyOf(env);
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        if (containerPort < 1 || containerPort > 65535) {
            throw new IllegalArgumentException("containerPort must be 1-65535, was " + containerPort);
        }
    }
}
