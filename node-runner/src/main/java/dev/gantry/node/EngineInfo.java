package dev.gantry.node;

/**
 * What the engine says it is: its own version, the version of the OCI runtime it starts containers
 * with, and the node's capacity as the engine sees it (CPUs, memory in bytes).
 */
public record EngineInfo(String engineVersion, String runtimeVersion, int cpus, long memoryBytes) {
}
