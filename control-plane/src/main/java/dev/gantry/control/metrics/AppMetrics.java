package dev.gantry.control.metrics;

import dev.gantry.control.apps.AppService;
import dev.gantry.control.domain.App;
import dev.gantry.control.domain.Release;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.TreeSet;

/** Reads an app's metrics over a range, with the releases made in it. */
@ApplicationScoped
public class AppMetrics {

    private final AppService apps;
    private final MetricsStore store;

    AppMetrics(AppService apps, MetricsStore store) {
        this.apps = apps;
        this.store = store;
    }

    @Transactional
    public AppMetricsReport of(String appName, MetricsRange range) {
        App app = apps.get(appName);
        Instant to = Instant.now();
        Instant from = to.minus(range.span());
        Duration step = range.step(store.interval());
        List<MetricPoint> points = MetricsBuckets.of(store.since(appName, from), step);
        TreeSet<String> instances = new TreeSet<>();
        points.forEach(point -> instances.addAll(point.instances().keySet()));
        List<ChangeMarker> markers = Release.madeSince(app, from).stream()
                .map(release -> new ChangeMarker(release.createdAt, ChangeMarker.kindOf(release.summary),
                        release.label(), release.summary))
                .toList();
        return new AppMetricsReport(appName, range.word(), from, to, step.toSeconds(), points, List.copyOf(instances),
                markers);
    }
}
