package dev.gantry.node;

import java.util.Map;

/**
 * One host of the cluster as its manager sees it: its name (the host's hostname), the address other
 * hosts reach it at, whether it takes instances, its labels, its capacity (CPUs, memory in bytes),
 * whether it is a manager, and whether it is the host the control plane runs on.
 */
public record ClusterNode(String name, String address, State state, Map<String, String> labels, double cpus,
        long memoryBytes, boolean manager, boolean self) {

    public ClusterNode {
        labels = Map.copyOf(labels);
    }

    public enum State {
        /** Answers its manager and takes instances. */
        READY,
        /** Has not answered its manager's heartbeat: its instances are lost. */
        DOWN,
        /** Answers, but takes no instances (an operator drained or paused it). */
        DRAINED;

        /** As {@code nodes} prints it. */
        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
