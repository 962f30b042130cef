package dev.gantry.control.metrics;

import dev.gantry.control.instances.InstanceLabels;
import dev.gantry.node.ContainerUsage;
import dev.gantry.node.InstanceUsage;
import dev.gantry.node.NodeReport;
import dev.gantry.router.api.AppStats;
import dev.gantry.router.api.RouteControl;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Every interval, turns the router's cumulative counters and the engine's readings of each instance
 * into one {@link MetricPoint} per app: what happened since the sample before. The first sample after
 * a start of the control plane only sets the baseline for the traffic; an app that appears in the
 * router's counters later (a first deploy) counts from zero.
 */
@ApplicationScoped
public class MetricsSampler {

    private static final Logger LOG = Logger.getLogger(MetricsSampler.class);
    private static final double MIB = 1024 * 1024;

    private final RouteControl router;
    private final NodeReport node;
    private final MetricsStore store;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "metrics-sampler");
        thread.setDaemon(true);
        return thread;
    });
    private Map<String, AppStats> lastTraffic = Map.of();
    private Instant lastAt;
    private Map<String, ContainerUsage> lastUsage = Map.of();
    private String lastFailure = "";

    MetricsSampler(RouteControl router, NodeReport node, MetricsStore store) {
        this.router = router;
        this.node = node;
        this.store = store;
    }

    public void start() {
        long period = store.interval().toMillis();
        ticker.scheduleAtFixedRate(this::sample, period, period, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        ticker.shutdownNow();
    }

    private void sample() {
        Instant now = Instant.now();
        try {
            record(now, router.stats(), node.instanceUsage());
            store.forgetIdleSince(now.minus(MetricsStore.KEPT));
            lastFailure = "";
        } catch (RuntimeException e) {
            // Said once per kind of failure, not every 10 s while the router or the engine is down.
            if (!lastFailure.equals(e.getMessage())) {
                LOG.warnf("metrics: no sample while this lasts: %s", e.getMessage());
                lastFailure = String.valueOf(e.getMessage());
            }
        }
    }

    /** One round: a point per app that has traffic counters or running instances. */
    synchronized void record(Instant now, Map<String, AppStats> traffic, List<InstanceUsage> usage) {
        Duration elapsed = lastAt == null ? Duration.ZERO : Duration.between(lastAt, now);
        Map<String, Map<String, MetricPoint.InstancePoint>> instances = instancesByApp(usage, elapsed);
        Set<String> apps = new HashSet<>(traffic.keySet());
        apps.addAll(instances.keySet());
        for (String app : apps) {
            AppStats before = lastTraffic.get(app);
            AppStats after = traffic.get(app);
            Map<String, MetricPoint.InstancePoint> slots = instances.getOrDefault(app, Map.of());
            if (after == null || elapsed.isZero()) {
                if (!slots.isEmpty()) {
                    store.add(app, new MetricPoint(now, 0, null, null, null, 0, 0, slots));
                }
                continue;
            }
            store.add(app, traffic(now, before, after, elapsed, slots));
        }
        lastTraffic = traffic;
        lastAt = now;
        Map<String, ContainerUsage> readings = new HashMap<>();
        usage.forEach(reading -> readings.put(reading.instance().id(), reading.usage()));
        lastUsage = readings;
    }

    private static MetricPoint traffic(Instant now, AppStats before, AppStats after, Duration elapsed,
            Map<String, MetricPoint.InstancePoint> slots) {
        double seconds = elapsed.toMillis() / 1000.0;
        // An app the sample before did not have is new to the router, and counters that went down
        // belong to a router that restarted: either way, all it counted is new.
        boolean restarted = before == null || after.responses() < before.responses();
        long responses = restarted ? after.responses() : after.responses() - before.responses();
        long clientErrors = restarted ? after.responses4xx() : after.responses4xx() - before.responses4xx();
        long serverErrors = restarted ? after.responses5xx() : after.responses5xx() - before.responses5xx();
        Double p50 = null;
        Double p95 = null;
        Double p99 = null;
        if (!after.latencyBuckets().isEmpty()) {
            long[] latency = restarted || before.latencyBuckets().isEmpty()
                    ? after.latencyBuckets().stream().mapToLong(Long::longValue).toArray()
                    : LatencyPercentiles.between(before.latencyBuckets(), after.latencyBuckets());
            p50 = LatencyPercentiles.of(latency, 0.50);
            p95 = LatencyPercentiles.of(latency, 0.95);
            p99 = LatencyPercentiles.of(latency, 0.99);
        }
        return new MetricPoint(now, responses / seconds, p50, p95, p99, clientErrors / seconds, serverErrors / seconds,
                slots);
    }

    /** Each app's instance slots ({@code web.1}): memory and CPU of the slot's containers together. */
    private Map<String, Map<String, MetricPoint.InstancePoint>> instancesByApp(List<InstanceUsage> usage,
            Duration elapsed) {
        Map<String, Map<String, MetricPoint.InstancePoint>> byApp = new TreeMap<>();
        for (InstanceUsage reading : usage) {
            Map<String, String> labels = reading.instance().labels();
            String app = labels.get(InstanceLabels.APP);
            String process = labels.get(InstanceLabels.PROCESS);
            if (app == null || process == null) {
                continue; // a backing service's container: not an app's instance
            }
            String slot = process + "." + labels.getOrDefault(InstanceLabels.INDEX, "1");
            ContainerUsage earlier = lastUsage.get(reading.instance().id());
            Double cpu = earlier == null || elapsed.isZero() || reading.usage().cpuNanos() < earlier.cpuNanos() ? null
                    : 100.0 * (reading.usage().cpuNanos() - earlier.cpuNanos()) / elapsed.toNanos();
            MetricPoint.InstancePoint point = new MetricPoint.InstancePoint(reading.usage().memoryBytes() / MIB, cpu);
            byApp.computeIfAbsent(app, a -> new TreeMap<>()).merge(slot, point, MetricsSampler::together);
        }
        return byApp;
    }

    private static MetricPoint.InstancePoint together(MetricPoint.InstancePoint a, MetricPoint.InstancePoint b) {
        Double cpu = a.cpuPercent();
        if (cpu == null) {
            cpu = b.cpuPercent();
        } else if (b.cpuPercent() != null) {
            cpu = cpu + b.cpuPercent();
        }
        return new MetricPoint.InstancePoint(a.memoryMiB() + b.memoryMiB(), cpu);
    }
}
