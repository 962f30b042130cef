package dev.gantry.control.console;

import dev.gantry.control.metrics.AppMetricsReport;
import dev.gantry.control.metrics.ChangeMarker;
import dev.gantry.control.metrics.MetricPoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** The Metrics tab of an app: its charts (as SVG), the instances as last sampled, and the releases made in the range. */
public record MetricsView(String app, String range, boolean sampled, List<Chart> charts, List<InstanceRow> instances,
        List<ChangeMarker> markers) {

    /** A chart's heading and its SVG, which the template writes unescaped: {@link MetricsChart} escapes what it holds. */
    public record Chart(String id, String title, String svg) {
    }

    public record InstanceRow(String slot, String memory, String cpu) {
    }

    /** Colour classes for instance slots, in console.css; a seventh slot takes the first colour again. */
    private static final int SLOT_COLOURS = 6;

    static MetricsView of(AppMetricsReport report) {
        List<MetricPoint> points = report.points();
        List<Chart> charts = new ArrayList<>();
        charts.add(chart(report, "requests", "Requests per second", "req/s",
                List.of(line("requests", "s1", points, MetricPoint::requestsPerSecond))));
        charts.add(chart(report, "latency", "Latency (p50, p95, p99)", "ms", List.of(
                line("p50", "s1", points, MetricPoint::p50Ms), line("p95", "s2", points, MetricPoint::p95Ms),
                line("p99", "s3", points, MetricPoint::p99Ms))));
        charts.add(chart(report, "errors", "4xx and 5xx responses per second", "/s", List.of(
                line("4xx", "s2", points, MetricPoint::clientErrorsPerSecond),
                line("5xx", "bad", points, MetricPoint::serverErrorsPerSecond))));
        List<MetricsChart.Series> memory = new ArrayList<>();
        List<MetricsChart.Series> cpu = new ArrayList<>();
        for (int i = 0; i < report.instances().size(); i++) {
            String slot = report.instances().get(i);
            String css = "s" + (i % SLOT_COLOURS + 1);
            memory.add(line(slot, css, points, point -> instance(point, slot) == null ? null : instance(point, slot).memoryMiB()));
            cpu.add(line(slot, css, points, point -> instance(point, slot) == null ? null : instance(point, slot).cpuPercent()));
        }
        charts.add(chart(report, "memory", "Memory per instance", "MiB", memory));
        charts.add(chart(report, "cpu", "CPU per instance (100% is one core)", "%", cpu));
        List<InstanceRow> latest = new ArrayList<>();
        if (!points.isEmpty()) {
            points.get(points.size() - 1).instances().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(slot -> latest.add(new InstanceRow(slot.getKey(),
                            String.format(Locale.ROOT, "%.1f MiB", slot.getValue().memoryMiB()),
                            slot.getValue().cpuPercent() == null ? "-"
                                    : String.format(Locale.ROOT, "%.1f%%", slot.getValue().cpuPercent()))));
        }
        return new MetricsView(report.app(), report.range(), !points.isEmpty(), charts, latest, report.markers());
    }

    private static MetricPoint.InstancePoint instance(MetricPoint point, String slot) {
        return point.instances().get(slot);
    }

    private static MetricsChart.Series line(String name, String css, List<MetricPoint> points,
            Function<MetricPoint, Double> figure) {
        return new MetricsChart.Series(name, css,
                points.stream().map(point -> new MetricsChart.Sample(point.at(), figure.apply(point))).toList());
    }

    private static Chart chart(AppMetricsReport report, String id, String title, String unit,
            List<MetricsChart.Series> series) {
        return new Chart(id, title, MetricsChart.svg(id, title, unit, report.from(), report.to(), report.stepSeconds(),
                series, report.markers()));
    }
}
