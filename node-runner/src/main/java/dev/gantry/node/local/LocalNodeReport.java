package dev.gantry.node.local;

import dev.gantry.node.ContainerEngine;
import dev.gantry.node.DiskUsage;
import dev.gantry.node.EngineInfo;
import dev.gantry.node.InstanceUsage;
import dev.gantry.node.NodeLabels;
import dev.gantry.node.NodeReport;
import dev.gantry.node.RunningContainer;
import java.util.List;

/** {@link NodeReport} of the one node the control plane runs on, as its engine reports it. */
public final class LocalNodeReport implements NodeReport {

    private final ContainerEngine engine;

    public LocalNodeReport(ContainerEngine engine) {
        this.engine = engine;
    }

    @Override
    public EngineInfo engine() {
        return engine.info();
    }

    @Override
    public DiskUsage diskUsage() {
        return engine.diskUsage();
    }

    @Override
    public List<RunningContainer> exitedAppContainers() {
        return engine.listLabelled(NodeLabels.APP).stream().filter(container -> !container.running()).toList();
    }

    @Override
    public List<InstanceUsage> instanceUsage() {
        return engine.listLabelled(NodeLabels.INSTANCE).stream().filter(RunningContainer::running)
                .flatMap(instance -> engine.usage(instance.id()).map(usage -> new InstanceUsage(instance, usage)).stream())
                .toList();
    }
}
