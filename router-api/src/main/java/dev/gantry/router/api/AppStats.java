package dev.gantry.router.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Traffic of one app since the router started.
 *
 * @param responses2xx responses sent to clients with a 2xx status (likewise 3xx, 4xx, 5xx); the 5xx
 *     count includes the router's own error pages
 * @param routerErrors502 502 pages the router wrote itself: no backend could be reached (likewise 503:
 *     the app has no backends; 504: the backend went silent or was drained away)
 * @param clientAborts requests whose client went away before the response was complete
 * @param inFlight requests being answered now
 * @param backends per-backend counters of the backends that serve, or recently served, the app
 * @param latencyBuckets how many responses took at most {@link #LATENCY_BOUNDS_SECONDS}{@code [i]} (cumulative,
 *     as Prometheus' histogram), then all of them: one more entry than there are bounds; empty from a
 *     router that does not report them
 */
public record AppStats(
        long responses2xx,
        long responses3xx,
        long responses4xx,
        long responses5xx,
        long routerErrors502,
        long routerErrors503,
        long routerErrors504,
        long clientAborts,
        long inFlight,
        List<BackendStats> backends,
        List<Long> latencyBuckets) {

    /** Upper bounds of the latency histogram, in seconds (Prometheus' default buckets). */
    public static final List<Double> LATENCY_BOUNDS_SECONDS =
            List.of(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0);

    public AppStats {
        backends = List.copyOf(backends);
        latencyBuckets = latencyBuckets == null ? List.of() : List.copyOf(latencyBuckets);
        if (!latencyBuckets.isEmpty() && latencyBuckets.size() != LATENCY_BOUNDS_SECONDS.size() + 1) {
            throw new IllegalArgumentException("latencyBuckets: " + (LATENCY_BOUNDS_SECONDS.size() + 1)
                    + " counts expected, was " + latencyBuckets.size());
        }
    }

    /** All responses sent, of any status. */
    public long responses() {
        return responses2xx + responses3xx + responses4xx + responses5xx;
    }

    /**
     * The app's traffic through this router and {@code other}'s together: counters add up, a backend
     * both report counts once with both routers' counters (healthy if either still sends to it), and the
     * histogram adds up where both report one.
     */
    public AppStats plus(AppStats other) {
        Map<Backend, BackendStats> merged = new LinkedHashMap<>();
        for (BackendStats stats : backends) {
            merged.put(stats.backend(), stats);
        }
        for (BackendStats stats : other.backends) {
            merged.merge(stats.backend(), stats, (a, b) -> new BackendStats(a.backend(), a.responses5xx() + b.responses5xx(),
                    a.connectFailures() + b.connectFailures(), a.healthy() || b.healthy()));
        }
        return new AppStats(responses2xx + other.responses2xx, responses3xx + other.responses3xx,
                responses4xx + other.responses4xx, responses5xx + other.responses5xx,
                routerErrors502 + other.routerErrors502, routerErrors503 + other.routerErrors503,
                routerErrors504 + other.routerErrors504, clientAborts + other.clientAborts, inFlight + other.inFlight,
                List.copyOf(merged.values()), latencyPlus(other.latencyBuckets));
    }

    private List<Long> latencyPlus(List<Long> other) {
        if (latencyBuckets.isEmpty() || other.isEmpty()) {
            return latencyBuckets.isEmpty() ? other : latencyBuckets;
        }
        List<Long> sum = new ArrayList<>(latencyBuckets.size());
        for (int i = 0; i < latencyBuckets.size(); i++) {
            sum.add(latencyBuckets.get(i) + other.get(i));
        }
        return sum;
    }
}
