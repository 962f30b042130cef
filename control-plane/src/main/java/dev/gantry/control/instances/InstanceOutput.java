package dev.gantry.control.instances;

import dev.gantry.common.LineSink;
import dev.gantry.node.InstanceLogs;
import jakarta.enterprise.context.ApplicationScoped;

/** Shows the last lines an instance printed, so a failed start explains itself where it is reported. */
@ApplicationScoped
public class InstanceOutput {

    private static final int LINES = 20;

    private final InstanceLogs logs;

    InstanceOutput(InstanceLogs logs) {
        this.logs = logs;
    }

    public void relayLast(AppInstance instance, LineSink progress) {
        String tail = logs.last(instance.id(), LINES);
        if (!tail.isBlank()) {
            progress.line("-----> Last output of " + instance.name() + ":");
            tail.lines().forEach(line -> progress.line("       " + line));
        }
    }
}
