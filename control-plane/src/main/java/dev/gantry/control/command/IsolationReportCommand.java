package dev.gantry.control.command;

import dev.gantry.control.apps.IsolationSetting;
import jakarta.inject.Singleton;
import java.io.PrintStream;

@Singleton
public class IsolationReportCommand extends NamedCommand implements ReadOnlyCommand {

    private final IsolationSetting setting;

    IsolationReportCommand(IsolationSetting setting) {
        super("isolation:report", "APP", "show what an app's containers are confined to");
        this.setting = setting;
    }

    @Override
    public void run(CommandContext context) {
        String app = context.arg(0, "the app name");
        context.expectAtMost(1);
        print(app, setting.of(app), context.out());
    }

    static void print(String app, IsolationSetting.View view, PrintStream out) {
        out.println("=== " + app + " isolation");
        out.printf("Read-only root:  %s%n", view.readOnlyRoot() ? "on (/tmp is a " + view.tmpSize() + " tmpfs)" : "off");
        out.printf("Network:         %s (instances answer to TYPE.internal)%n", view.network());
        out.printf("Capabilities:    %s (all others dropped)%n", String.join(" ", view.capabilities()));
        out.println("Always:          no-new-privileges, never privileged, no engine socket, no host namespaces,"
                + " no host paths but the app's volumes, pids/memory limits");
    }
}
