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
 * process types that serve no traffic (workers, one-off runs). {@code placement}: labels a host must
 * carry to run it (a cluster's hosts have labels; one host alone runs everything).
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
        boolean readOnlyRoot,
        Map<String, String> placement) {

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
        placement = placement == null ? Map.of() : Map.copyOf(placement);
    }

    /** A spec any host may run. */
    public ContainerSpec(String name, String image, List<String> command, Map<String, String> env,
                         Map<String, String> labels, int containerPort, String hostAddress, ResourceLimits limits,
                         List<VolumeMount> mounts, NetworkAttachment network, boolean readOnlyRoot) {
        this(name, image, command, env, labels, containerPort, hostAddress, limits, mounts, network, readOnlyRoot, Map.of());
    }

    /**
     * The app an instance's spec is for, checked: an instance carries {@link NodeLabels#APP} and, as its
     * {@link NodeLabels#INSTANCE} label, its own name.
     */
    public String instanceApp() {
        String app = labels.get(NodeLabels.APP);
        if (app == null || app.isBlank()) {
            throw new IllegalArgumentException("an instance needs the label " + NodeLabels.APP + "; " + name + " has none");
        }
        if (!name.equals(labels.get(NodeLabels.INSTANCE))) {
            throw new IllegalArgumentException("an instance's " + NodeLabels.INSTANCE + " label must be its name '"
                    + name + "', was '" + labels.get(NodeLabels.INSTANCE) + "'");
        }
        return app;
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
