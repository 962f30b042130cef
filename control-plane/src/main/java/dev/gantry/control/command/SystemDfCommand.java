package dev.gantry.control.command;

import dev.gantry.control.gc.DiskUsageByApp;
import jakarta.inject.Singleton;
import java.io.PrintStream;

@Singleton
public class SystemDfCommand extends AdminCommand implements ReadOnlyCommand {

    private final DiskUsageByApp usage;

    SystemDfCommand(DiskUsageByApp usage) {
        super("system:df", "", "show the disk each app takes on every host: images, containers, volumes, logs");
        this.usage = usage;
    }

    @Override
    public void run(CommandContext context) {
        context.expectAtMost(0);
        DiskUsageByApp.Report report = usage.report();
        PrintStream out = context.out();
        String row = "%-30s %10s %10s %10s %10s %10s%n";
        out.printf(row, "APP", "IMAGES", "CONTAINERS", "VOLUMES", "LOGS", "TOTAL");
        for (DiskUsageByApp.AppUsage app : report.apps()) {
            out.printf(row, app.app(), Formats.size(app.images()), Formats.size(app.containers()),
                    Formats.size(app.volumes()), Formats.size(app.logs()), Formats.size(app.total()));
        }
        out.println("Images of no app (stacks, base images, build leftovers): " + Formats.size(report.otherImages()));
        for (DiskUsageByApp.HostUsage host : report.hosts()) {
            out.println(host.failure() != null ? "Host " + host.host() + " did not answer (" + host.failure() + "); its share is"
                    + " missing above" : "Host " + host.host() + ": apps " + Formats.size(host.apps()) + " (in the rows above),"
                    + " images of no app " + Formats.size(host.otherImages()));
        }
        out.println("Layers an image shares with another (its stack, say) count for neither; system:prune frees"
                + " what no release keeps");
    }
}
