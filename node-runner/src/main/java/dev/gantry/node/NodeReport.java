package dev.gantry.node;

import java.util.List;

/**
 * What a node says about itself, beyond its runner's {@link NodeStatus}: what it runs containers with
 * and what its disk holds, for the nodes page, the warning about known runtime escapes, and
 * {@code system:df}; what its instances take, for the apps' metrics. Every method fails with
 * {@link EngineUnavailableException} when the node cannot be reached.
 */
public interface NodeReport {

    /** Versions of the node's engine and its runtime (runc), and its capacity as the engine sees it. */
    EngineInfo engine();

    /** What images, containers and volumes take on the node's disk, each with its labels to add them up by app. */
    DiskUsage diskUsage();

    /**
     * Every exited container labelled for an app ({@link NodeLabels#APP}): its instances and one-off
     * runs, and whatever else an earlier Gantry, or a person, left there with the label; what the
     * collector looks through.
     */
    List<RunningContainer> exitedAppContainers();

    /**
     * What every running instance ({@link NodeLabels#INSTANCE}) takes now, for the apps' metrics; an
     * instance that stops between the listing and its reading is left out.
     */
    List<InstanceUsage> instanceUsage();
}
