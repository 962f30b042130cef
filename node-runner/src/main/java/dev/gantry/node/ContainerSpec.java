package dev.gantry.node;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What to run: image, unique container name, environment, Gantry labels, resource limits, the
 * named volumes to mount, the network to join (null: the engine's default bridge) and whether the
 * root filesystem is read-only (then {@code /tmp} is a writable tmpfs).
 * {@code command} empty means the image's own CMD. The container port is published on
 * {@code hostAddress} only (127.0.0.1 when null); {@code containerPort} 0 publishes nothing, for
 * process types that serve no traffic (workers, one-off runs).
 */
public record ContainerSpec(
        String name,
        String image,
        List<String> command,
        Map<String, String> env,
        Map<String, String> labels,
        int containerPort,
        String hostAddress,
        ResourceLimits limits,
        List<VolumeMount> mounts,
        NetworkAttachment network,
        boolean readOnlyRoot) {

    public ContainerSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(image, "image");
        command = command == null ? List.of() : List.copyOf(command);
        env = env == null ? Map.of() : Map.copyOf(env);
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        if (containerPort < 0 || containerPort > 65535) {
            throw new IllegalArgumentException("containerPort must be 1-65535, or 0 to publish nothing, was " + containerPort);
        }
        limits = limits == null ? ResourceLimits.DEFAULTS : limits;
        mounts = mounts == null ? List.of() : List.copyOf(mounts);
    }

    /** A spec on the engine's default bridge with a writable root filesystem. */
    public ContainerSpec(String name, String image, List<String> command, Map<String, String> env,
                         Map<String, String> labels, int containerPort, String hostAddress, ResourceLimits limits,
                         List<VolumeMount> mounts) {
        this(name, image, command, env, labels, containerPort, hostAddress, limits, mounts, null, false);
    }

    /** A spec without volumes. */
    public ContainerSpec(String name, String image, List<String> command, Map<String, String> env,
                         Map<String, String> labels, int containerPort, String hostAddress, ResourceLimits limits) {
        this(name, image, command, env, labels, containerPort, hostAddress, limits, List.of());
    }

    /** A spec with {@link ResourceLimits#DEFAULTS}. */
    public ContainerSpec(String name, String image, List<String> command, Map<String, String> env,
                         Map<String, String> labels, int containerPort, String hostAddress) {
        this(name, image, command, env, labels, containerPort, hostAddress, ResourceLimits.DEFAULTS, List.of());
    }
}
