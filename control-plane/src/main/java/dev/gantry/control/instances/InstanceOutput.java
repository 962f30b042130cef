package dev.gantry.control.instances;

import dev.gantry.common.LineSink;
import dev.gantry.common.TerminalText;
import dev.gantry.node.InstanceLogs;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Shows the last lines an instance printed, so a failed start explains itself where it is reported. */
@ApplicationScoped
public class InstanceOutput {

    private static final int LINES = 20;

    private final InstanceLogs logs;

    InstanceOutput(InstanceLogs logs) {
        this.logs = logs;
    }

    /**
     * Relays the instance's last lines to {@code progress} and returns them, made safe for a terminal
     * (CWE-117), to be kept with the failure; empty when it printed nothing.
     */
    public String relayLast(AppInstance instance, LineSink progress) {
        String tail = logs.last(instance.id(), LINES);
        if (tail.isBlank()) {
            return "";
        }
        List<String> lines = TerminalText.safeLines(tail);
        progress.line("-----> Last output of " + instance.name() + ":");
        lines.forEach(line -> progress.line("       " + line));
        return String.join("\n", lines);
    }
}
