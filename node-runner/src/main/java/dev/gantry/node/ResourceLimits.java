package dev.gantry.node;

/**
 * What one container may use of its node. {@code memoryBytes} is a hard limit with no swap on top;
 * {@code cpus} is a share of CPU time in cores (0.5 = half a core); {@code pids} caps the processes
 * and threads inside. 0 means the engine's default for memory and cpus (unlimited), and Gantry's
 * default of {@value #DEFAULT_PIDS} for pids, so no container can fork-bomb its node. The engine
 * refuses memory limits below its minimum (6 MB for Docker) when the container is created.
 */
public record ResourceLimits(long memoryBytes, double cpus, int pids) {

    /** The pids limit every container gets unless its limits say otherwise. */
    public static final int DEFAULT_PIDS = 512;
    /** No memory or CPU limit, and the default pids limit. */
    public static final ResourceLimits DEFAULTS = new ResourceLimits(0, 0, 0);

    public ResourceLimits {
        if (memoryBytes < 0) {
            throw new IllegalArgumentException("limits.memoryBytes must be ≥ 0 (0 = no limit), was " + memoryBytes);
        }
        if (!(cpus >= 0) || Double.isInfinite(cpus)) {
            throw new IllegalArgumentException("limits.cpus must be a number ≥ 0 (0 = no limit), was " + cpus);
        }
        if (pids < 0) {
            throw new IllegalArgumentException("limits.pids must be ≥ 0 (0 = " + DEFAULT_PIDS + "), was " + pids);
        }
    }
}
