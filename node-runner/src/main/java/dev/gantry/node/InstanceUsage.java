package dev.gantry.node;

/** One running instance (a container labelled {@link NodeLabels#INSTANCE}) and what it takes now. */
public record InstanceUsage(RunningContainer instance, ContainerUsage usage) {
}
