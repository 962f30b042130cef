package dev.gantry.router;

import dev.gantry.router.api.AppStats;
import dev.gantry.router.api.Backend;
import dev.gantry.router.api.BackendStats;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;

/**
 * Counters of one app, updated from every event loop without locks (LongAdder) and read by
 * {@link Router#stats()} and the Prometheus endpoint.
 */
final class AppMetrics {

    static final double[] BUCKETS = AppStats.LATENCY_BOUNDS_SECONDS.stream().mapToDouble(Double::doubleValue).toArray();
    private static final long[] BUCKET_NANOS = new long[BUCKETS.length];

    static {
        for (int i = 0; i < BUCKETS.length; i++) {
            BUCKET_NANOS[i] = (long) (BUCKETS[i] * 1e9);
        }
    }

    final String app;
    private final LongAdder[] byClass = adders(4);
    private final LongAdder[] routerErrors = adders(3);
    private final LongAdder clientAborts = new LongAdder();
    private final LongAdder inFlight = new LongAdder();
    // Not cumulative per bucket: bucket i counts durations in (BUCKETS[i-1], BUCKETS[i]]; the last slot is +Inf.
    private final LongAdder[] latency = adders(BUCKETS.length + 1);
    private final LongAdder latencyNanos = new LongAdder();
    private final Map<Backend, BackendCounters> backends = new ConcurrentHashMap<>();

    AppMetrics(String app) {
        this.app = app;
    }

    void started() {
        inFlight.increment();
    }

    /** A response went out in full; {@code routerError} when the router wrote it itself. */
    void answered(int status, boolean routerError, long nanos) {
        inFlight.decrement();
        int statusClass = status / 100;
        if (statusClass >= 2 && statusClass <= 5) {
            byClass[statusClass - 2].increment();
        }
        if (routerError && status >= 502 && status <= 504) {
            routerErrors[status - 502].increment();
        }
        int bucket = 0;
        while (bucket < BUCKET_NANOS.length && nanos > BUCKET_NANOS[bucket]) {
            bucket++;
        }
        latency[bucket].increment();
        latencyNanos.add(nanos);
    }

    void aborted() {
        inFlight.decrement();
        clientAborts.increment();
    }

    void backend5xx(Backend backend) {
        countersOf(backend).responses5xx.increment();
    }

    void connectFailed(Backend backend) {
        countersOf(backend).connectFailures.increment();
    }

    /** Forgets backends that left the app, so that counters do not pile up deploy after deploy. */
    void retainBackends(Set<Backend> current) {
        backends.keySet().retainAll(current);
    }

    AppStats snapshot(Predicate<Backend> healthy) {
        List<BackendStats> perBackend = new ArrayList<>();
        backends.forEach((backend, counters) -> perBackend.add(new BackendStats(backend,
                counters.responses5xx.sum(), counters.connectFailures.sum(), healthy.test(backend))));
        perBackend.sort(Comparator.comparing(stats -> stats.backend().toString()));
        return new AppStats(byClass[0].sum(), byClass[1].sum(), byClass[2].sum(), byClass[3].sum(),
                routerErrors[0].sum(), routerErrors[1].sum(), routerErrors[2].sum(),
                clientAborts.sum(), inFlight.sum(), perBackend,
                Arrays.stream(cumulativeLatency()).boxed().toList());
    }

    long inFlight() {
        return inFlight.sum();
    }

    /** Cumulative bucket counts as Prometheus wants them, the last one being +Inf (= the count). */
    long[] cumulativeLatency() {
        long[] cumulative = new long[latency.length];
        long running = 0;
        for (int i = 0; i < latency.length; i++) {
            running += latency[i].sum();
            cumulative[i] = running;
        }
        return cumulative;
    }

    double latencySeconds() {
        return latencyNanos.sum() / 1e9;
    }

    private BackendCounters countersOf(Backend backend) {
        BackendCounters counters = backends.get(backend);
        return counters != null ? counters : backends.computeIfAbsent(backend, b -> new BackendCounters());
    }

    private static LongAdder[] adders(int n) {
        LongAdder[] adders = new LongAdder[n];
        for (int i = 0; i < n; i++) {
            adders[i] = new LongAdder();
        }
        return adders;
    }

    private static final class BackendCounters {
        final LongAdder responses5xx = new LongAdder();
        final LongAdder connectFailures = new LongAdder();
    }
}
