package dev.gantry.control.metrics;

import dev.gantry.control.GantryConfig;
import dev.gantry.control.checks.Durations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every app's samples of the last day, one per {@code gantry.metrics.interval}, in the control plane's
 * memory: a restart of the control plane starts them afresh (the router's counters and the engine's
 * readings are not history). An app with no sample for a day is forgotten.
 */
@ApplicationScoped
public class MetricsStore {

    public static final Duration KEPT = Duration.ofDays(1);

    private final Duration interval;
    private final Map<String, AppSeries> series = new ConcurrentHashMap<>();

    @Inject
    MetricsStore(GantryConfig config) {
        this(Durations.parse("gantry.metrics.interval", config.metrics().interval()));
    }

    MetricsStore(Duration interval) {
        if (interval.isZero() || interval.isNegative()) {
            throw new IllegalArgumentException("gantry.metrics.interval: must be above 0, was " + interval);
        }
        this.interval = interval;
    }

    public Duration interval() {
        return interval;
    }

    void add(String app, MetricPoint point) {
        series.computeIfAbsent(app, name -> new AppSeries((int) (KEPT.toMillis() / interval.toMillis()))).add(point);
    }

    /** The app's samples taken at {@code from} or later, oldest first; none for an app never sampled. */
    public List<MetricPoint> since(String app, Instant from) {
        AppSeries samples = series.get(app);
        return samples == null ? List.of() : samples.since(from);
    }

    void forgetIdleSince(Instant oldest) {
        series.values().removeIf(samples -> samples.newest().isBefore(oldest));
    }
}
