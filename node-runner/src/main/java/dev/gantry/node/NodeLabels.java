package dev.gantry.node;

import java.time.Duration;
import java.util.Map;

/** The container labels a node runner reads: whose instance a container is and how it is stopped. */
public final class NodeLabels {

    public static final String APP = "gantry.app";
    /** The instance's own (unique) container name. */
    public static final String INSTANCE = "gantry.instance";
    /** Marks a container started by {@code run} or a release command: not an instance. */
    public static final String ONE_OFF = "gantry.one-off";
    /** Whole seconds between SIGTERM and SIGKILL when the runner removes the instance on its own. */
    public static final String STOP_GRACE = "gantry.stop-grace";
    /**
     * Docker's own label on a container that runs a Swarm task: such a container is the cluster's, which
     * names it after the task, and the runner of the host it landed on leaves it alone.
     */
    public static final String CLUSTER_TASK = "com.docker.swarm.task.id";

    /** The grace of an instance whose labels name none. */
    public static final Duration DEFAULT_STOP_GRACE = Duration.ofSeconds(10);

    private NodeLabels() {
    }

    /** The grace between SIGTERM and SIGKILL that an instance's {@link #STOP_GRACE} label names. */
    public static Duration stopGrace(Map<String, String> labels) {
        try {
            return Duration.ofSeconds(Long.parseLong(labels.getOrDefault(STOP_GRACE, "")));
        } catch (NumberFormatException e) {
            return DEFAULT_STOP_GRACE;
        }
    }
}
