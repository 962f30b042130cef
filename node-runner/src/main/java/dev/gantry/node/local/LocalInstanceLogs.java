package dev.gantry.node.local;

import dev.gantry.node.ContainerEngine;
import dev.gantry.node.InstanceLogs;
import dev.gantry.node.LogLine;
import java.io.Closeable;
import java.time.Instant;
import java.util.function.Consumer;

/** {@link InstanceLogs} from the node's own engine, which keeps every container's output. */
public final class LocalInstanceLogs implements InstanceLogs {

    private final ContainerEngine engine;

    public LocalInstanceLogs(ContainerEngine engine) {
        this.engine = engine;
    }

    @Override
    public Closeable follow(String instance, Instant since, Consumer<LogLine> sink) {
        return engine.followLogs(instance, since, sink);
    }

    @Override
    public String last(String instance, int lines) {
        return engine.tail(instance, lines);
    }
}
