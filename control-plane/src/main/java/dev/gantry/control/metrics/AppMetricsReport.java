package dev.gantry.control.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * An app's figures over a range, for {@code metrics APP}, {@code GET /api/v1/apps/APP/metrics} and the
 * console's Metrics tab: the points oldest first, {@code stepSeconds} apart (gaps where nothing was
 * sampled), the instance slots seen in them, and the releases made meanwhile.
 */
public record AppMetricsReport(String app, String range, Instant from, Instant to, long stepSeconds,
        List<MetricPoint> points, List<String> instances, List<ChangeMarker> markers) {

    public AppMetricsReport {
        points = List.copyOf(points);
        instances = List.copyOf(instances);
        markers = List.copyOf(markers);
    }

    /** The points gathered into rows of {@code seconds} each (for a terminal), as points gather samples. */
    public List<MetricPoint> rows(long seconds) {
        return MetricsBuckets.of(points, Duration.ofSeconds(Math.max(seconds, stepSeconds)));
    }
}
