package dev.gantry.node;

/** What the engine says it is: its own version and the version of the OCI runtime it starts containers with. */
public record EngineInfo(String engineVersion, String runtimeVersion) {
}
