package dev.gantry.node.local;

import dev.gantry.node.ContainerEngine;
import dev.gantry.node.ContainerSpec;
import dev.gantry.node.NodeLabels;
import dev.gantry.node.OneOffRuns;
import dev.gantry.node.RunningContainer;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** {@link OneOffRuns} on the node's own engine, the one the control plane's caller is attached through. */
public final class LocalOneOffRuns implements OneOffRuns {

    private final ContainerEngine engine;

    public LocalOneOffRuns(ContainerEngine engine) {
        this.engine = engine;
    }

    @Override
    public int run(ContainerSpec spec, InputStream stdin, OutputStream stdout, OutputStream stderr, boolean tty) {
        return engine.runOneOff(spec, stdin, stdout, stderr, tty);
    }

    /** Asks the engine for the one-off runs alone, whatever their app, then keeps those carrying every label. */
    @Override
    public List<RunningContainer> list(Map<String, String> labels) {
        return engine.listLabelled(NodeLabels.ONE_OFF).stream()
                .filter(run -> run.labels().entrySet().containsAll(labels.entrySet()))
                .toList();
    }

    @Override
    public void remove(String run, Duration grace) {
        engine.stopAndRemove(run, grace);
    }
}
