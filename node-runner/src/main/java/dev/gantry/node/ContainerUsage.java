package dev.gantry.node;

/**
 * What a running container takes now, as its engine counts it: memory in bytes (what the container
 * uses less the file cache the kernel can drop, as {@code docker stats} shows it) and the CPU time
 * all its processes have had since it started, in nanoseconds; a rate needs two of these.
 */
public record ContainerUsage(long memoryBytes, long cpuNanos) {
}
