package dev.gantry.control.command;

import dev.gantry.control.apps.AppService;
import dev.gantry.control.cluster.HostLabels;
import dev.gantry.control.formation.InstanceReport;
import jakarta.inject.Singleton;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

@Singleton
public class PsCommand extends NamedCommand implements ReadOnlyCommand {

    private static final String ROW = "%-12s %-7s %-10s %-8s %-8s %-11s %-21s %s%n";

    private final AppService apps;
    private final InstanceReport report;

    PsCommand(AppService apps, InstanceReport report) {
        super("ps", "APP", "list an app's instances: process type, release, state, uptime, restarts, port, health");
        this.apps = apps;
        this.report = report;
    }

    @Override
    public void run(CommandContext context) {
        String app = context.arg(0, "the app name");
        context.expectAtMost(1);
        apps.get(app);
        PrintStream out = context.out();
        Map<String, Integer> formation = report.formation(app);
        out.println("=== " + app + ": " + (formation.isEmpty() ? "no process types yet" : formation.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" ")))
                + (report.stopped(app) ? " (stopped: run 'ps:start " + app + "')" : ""));
        report.placement(app).forEach((type, labels) -> out.println("    " + type + " runs on hosts with "
                + HostLabels.describe(labels)));
        List<InstanceReport.Row> rows = report.rows(app);
        if (rows.isEmpty()) {
            out.println("No instances.");
            return;
        }
        out.printf(ROW, "INSTANCE", "RELEASE", "STATE", "UPTIME", "RESTARTS", "NODE", "PORT", "HEALTH");
        for (InstanceReport.Row row : rows) {
            out.printf(ROW, row.slot(), row.release(), row.state(), Formats.duration(row.uptime()), row.restarts(),
                    row.node(), row.address(), row.health());
        }
    }
}
