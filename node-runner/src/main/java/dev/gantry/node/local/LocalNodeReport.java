package dev.gantry.node.local;

import dev.gantry.node.ContainerEngine;
import dev.gantry.node.DiskUsage;
import dev.gantry.node.EngineInfo;
import dev.gantry.node.NodeReport;

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
}
