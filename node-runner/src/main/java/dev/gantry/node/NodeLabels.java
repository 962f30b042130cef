package dev.gantry.node;

/** The container labels a node runner reads: whose instance a container is and how it is stopped. */
public final class NodeLabels {

    public static final String APP = "gantry.app";
    /** The instance's own (unique) container name. */
    public static final String INSTANCE = "gantry.instance";
    /** Marks a container started by {@code run} or a release command: not an instance. */
    public static final String ONE_OFF = "gantry.one-off";
    /** Whole seconds between SIGTERM and SIGKILL when the runner removes the instance on its own. */
    public static final String STOP_GRACE = "gantry.stop-grace";

    private NodeLabels() {
    }
}
