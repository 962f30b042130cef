package dev.gantry.node.agent;

import java.util.List;

/**
 * The node runner's own wire types, beside {@code ContainerSpec}, {@code RunningContainer} and
 * {@code NodeStatus}; all are read and written with {@link dev.gantry.service.ServiceJson}.
 */
final class AgentJson {

    /** {@code PUT /v1/apps/{app}/instances}: the app's complete set of instances. */
    record KeepOnly(List<String> keep, long stopGraceSeconds) {
        KeepOnly {
            if (keep == null) {
                throw new IllegalArgumentException("keep: required, the names of the instances to keep ([] for none)");
            }
            if (stopGraceSeconds < 0) {
                throw new IllegalArgumentException("stopGraceSeconds: must be ≥ 0, was " + stopGraceSeconds);
            }
        }
    }

    /** The answer to a {@link KeepOnly}: the containers removed. */
    record Removed(List<String> removed) {
    }

    private AgentJson() {
    }
}
