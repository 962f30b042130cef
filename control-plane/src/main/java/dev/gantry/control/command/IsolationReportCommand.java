package dev.gantry.control.command;

import dev.gantry.control.apps.IsolationSetting;
import dev.gantry.control.cluster.ClusterRegistry;
import jakarta.inject.Singleton;
import java.io.PrintStream;

@Singleton
public class IsolationReportCommand extends NamedCommand implements ReadOnlyCommand {

    private final IsolationSetting setting;
    private final ClusterRegistry cluster;

    IsolationReportCommand(IsolationSetting setting, ClusterRegistry cluster) {
        super("isolation:report", "APP", "show what an app's containers are confined to");
        this.setting = setting;
        this.cluster = cluster;
    }

    @Override
    public void run(CommandContext context) {
        String app = context.arg(0, "the app name");
        context.expectAtMost(1);
        print(app, setting.of(app), cluster.login().isPresent(), context.out());
    }

    /** {@code clustered}: instances run as Swarm services, which cannot be given every confinement. */
    static void print(String app, IsolationSetting.View view, boolean clustered, PrintStream out) {
        out.println("=== " + app + " isolation");
        out.printf("Read-only root:  %s%n", view.readOnlyRoot() ? "on (/tmp is a " + view.tmpSize() + " tmpfs)" : "off");
        out.printf("Network:         %s (instances answer to TYPE.internal)%n", view.network());
        out.printf("Capabilities:    %s (all others dropped)%n", String.join(" ", view.capabilities()));
        if (clustered) {
            out.println("Always:          never privileged, no engine socket, no host namespaces,"
                    + " no host paths but the app's volumes, pids/memory limits");
            out.println("On this cluster: no-new-privileges and no swap only where a host's engine sets them"
                    + " (Swarm on Docker 20.10 cannot): see the operator guide, \"Isolation on other hosts\"");
        } else {
            out.println("Always:          no-new-privileges, never privileged, no engine socket, no host namespaces,"
                    + " no host paths but the app's volumes, pids/memory limits");
        }
    }
}
