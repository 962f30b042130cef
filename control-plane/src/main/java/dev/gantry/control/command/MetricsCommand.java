package dev.gantry.control.command;

import dev.gantry.control.metrics.AppMetrics;
import dev.gantry.control.metrics.AppMetricsReport;
import dev.gantry.control.metrics.ChangeMarker;
import dev.gantry.control.metrics.MetricPoint;
import dev.gantry.control.metrics.MetricsRange;
import jakarta.inject.Singleton;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The figures of the console's Metrics tab in a terminal: the range's points, each instance slot as
 * last sampled, and the releases made meanwhile. The hour's 10-second points are many, so the table
 * shows them five minutes to a row (the day's 5-minute points an hour to a row), the way the points
 * themselves gather samples: rates averaged, percentiles the highest.
 */
@Singleton
public class MetricsCommand extends NamedCommand implements ReadOnlyCommand {

    private final AppMetrics metrics;

    MetricsCommand(AppMetrics metrics) {
        super("metrics", "APP [--range 1h|24h]",
                "requests per second, p50/p95/p99 latency, 4xx/5xx, memory and CPU per instance, over the last hour or day");
        this.metrics = metrics;
    }

    @Override
    public void run(CommandContext context) {
        String app = context.onlyArgument("the app name", "--range");
        MetricsRange range = MetricsRange.parse(context.option("--range").orElse(null));
        AppMetricsReport report = metrics.of(app, range);
        PrintStream out = context.out();
        out.println("=== " + app + " metrics, last " + (range == MetricsRange.HOUR ? "hour" : "day") + " (UTC)");
        List<MetricPoint> rows = report.rows(range == MetricsRange.HOUR ? 300 : 3600);
        if (rows.isEmpty()) {
            out.println("no samples yet: Gantry samples every app every " + report.stepSeconds()
                    + " s while it runs (none are kept over a restart of the control plane)");
        } else {
            out.printf("%-19s %8s %8s %8s %8s %7s %7s%n", "from", "req/s", "p50 ms", "p95 ms", "p99 ms", "4xx/s", "5xx/s");
            for (MetricPoint row : rows) {
                out.printf("%-19s %8s %8s %8s %8s %7s %7s%n", Formats.time(row.at()).substring(0, 16),
                        number(row.requestsPerSecond()), number(row.p50Ms()), number(row.p95Ms()), number(row.p99Ms()),
                        number(row.clientErrorsPerSecond()), number(row.serverErrorsPerSecond()));
            }
        }
        MetricPoint last = report.points().isEmpty() ? null : report.points().get(report.points().size() - 1);
        if (last != null && !last.instances().isEmpty()) {
            out.println("=== instances at " + Formats.time(last.at()));
            last.instances().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(slot ->
                    out.printf("%-12s %8s MiB %6s %% CPU%n", slot.getKey(), number(slot.getValue().memoryMiB()),
                            number(slot.getValue().cpuPercent())));
        }
        if (!report.markers().isEmpty()) {
            out.println("=== changes");
            for (ChangeMarker marker : report.markers()) {
                out.printf("%s  %-8s %-5s %s%n", Formats.time(marker.at()), marker.kind().word(), marker.release(),
                        marker.summary());
            }
        }
    }

    /** One decimal below 100, none above; "-" where there is no figure (no request answered). */
    private static String number(Double value) {
        if (value == null) {
            return "-";
        }
        return String.format(Locale.ROOT, value < 100 ? "%.1f" : "%.0f", value);
    }
}
