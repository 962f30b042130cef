package dev.gantry.control.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.gantry.node.ContainerUsage;
import dev.gantry.node.InstanceUsage;
import dev.gantry.node.RunningContainer;
import dev.gantry.router.api.AppStats;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricsSamplerTest {

    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");
    private static final long MIB = 1024 * 1024;

    private final MetricsStore store = new MetricsStore(Duration.ofSeconds(10));
    private final MetricsSampler sampler = new MetricsSampler(null, null, store);

    @Test
    void aPointIsWhatHappenedSinceTheSampleBefore() {
        sampler.record(T0, Map.of("shop", stats(100, 5, 1, 0)), List.of(instance("a", "web", 1, 64 * MIB, 1_000_000_000L)));
        sampler.record(T0.plusSeconds(10), Map.of("shop", stats(300, 25, 11, 200)),
                List.of(instance("a", "web", 1, 80 * MIB, 3_000_000_000L)));

        List<MetricPoint> points = store.since("shop", T0);
        assertEquals(2, points.size(), "the first sample sets the baseline and records the instances only");
        assertNull(points.get(0).p50Ms());
        MetricPoint point = points.get(1);
        assertEquals(23.0, point.requestsPerSecond(), 1e-9, "230 responses in 10 s");
        assertEquals(2.0, point.clientErrorsPerSecond(), 1e-9);
        assertEquals(1.0, point.serverErrorsPerSecond(), 1e-9);
        assertEquals(5.0 * 115 / 200, point.p50Ms(), 1e-9, "200 of 230 within 5 ms: the 115th of them");
        assertEquals(new MetricPoint.InstancePoint(80, 20.0), point.instances().get("web.1"), "2 s of CPU in 10 s");
    }

    @Test
    void aSlotsContainersAddUpAndABackingServiceIsNoInstance() {
        sampler.record(T0, Map.of(), List.of(instance("old", "web", 1, 50 * MIB, 0), instance("new", "web", 1, 30 * MIB, 0),
                new InstanceUsage(container("db", Map.of("gantry.app", "shop", "gantry.instance", "db")),
                        new ContainerUsage(500 * MIB, 0))));

        assertEquals(Map.of("web.1", new MetricPoint.InstancePoint(80, null)), store.since("shop", T0).get(0).instances());
    }

    @Test
    void countersOfARestartedRouterCountFromZero() {
        sampler.record(T0, Map.of("shop", stats(1000, 0, 0, 1000)), List.of());
        sampler.record(T0.plusSeconds(10), Map.of("shop", stats(50, 0, 0, 50)), List.of());

        assertEquals(5.0, store.since("shop", T0).get(0).requestsPerSecond(), 1e-9);
    }

    @Test
    void anAppNewToTheRouterSinceTheSampleBeforeCountsFromZero() {
        sampler.record(T0, Map.of(), List.of());
        sampler.record(T0.plusSeconds(10), Map.of("shop", stats(30, 10, 0, 40)), List.of());

        MetricPoint first = store.since("shop", T0).get(0);
        assertEquals(4.0, first.requestsPerSecond(), 1e-9, "all 40 of its responses, the first deploy's included");
        assertEquals(1.0, first.clientErrorsPerSecond(), 1e-9);
    }

    /** {@code ok} 2xx, then 4xx and 5xx; {@code fast} of all of them within 5 ms, the rest within 10 ms. */
    private static AppStats stats(long ok, long clientErrors, long serverErrors, long fast) {
        long all = ok + clientErrors + serverErrors;
        List<Long> buckets = new ArrayList<>(Collections.nCopies(12, all));
        buckets.set(0, fast);
        return new AppStats(ok, 0, clientErrors, serverErrors, 0, 0, 0, 0, 0, List.of(), buckets);
    }

    private static InstanceUsage instance(String id, String process, int index, long memory, long cpuNanos) {
        return new InstanceUsage(container(id, Map.of("gantry.app", "shop", "gantry.process", process,
                "gantry.index", Integer.toString(index), "gantry.instance", id)), new ContainerUsage(memory, cpuNanos));
    }

    private static RunningContainer container(String id, Map<String, String> labels) {
        return new RunningContainer(id, id, "image", labels, true, 0, T0, "127.0.0.1", 32768);
    }
}
