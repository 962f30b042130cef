package dev.gantry.control.metrics;

import dev.gantry.router.api.AppStats;
import java.util.List;

/**
 * Percentiles from the router's latency histogram, as Prometheus' {@code histogram_quantile} makes
 * them: the bucket the percentile falls in, and a straight line between its bounds. Above the last
 * bound (10 s) the answer is that bound: the histogram knows no more.
 */
final class LatencyPercentiles {

    private static final List<Double> BOUNDS = AppStats.LATENCY_BOUNDS_SECONDS;

    private LatencyPercentiles() {
    }

    /** The {@code q} percentile (0..1) in milliseconds of the responses counted by {@code buckets}; null for none. */
    static Double of(long[] buckets, double q) {
        long total = buckets[buckets.length - 1];
        if (total <= 0) {
            return null;
        }
        double rank = q * total;
        for (int i = 0; i < BOUNDS.size(); i++) {
            if (buckets[i] >= rank) {
                double lower = i == 0 ? 0 : BOUNDS.get(i - 1);
                long below = i == 0 ? 0 : buckets[i - 1];
                long inBucket = buckets[i] - below;
                double fraction = inBucket == 0 ? 1 : (rank - below) / inBucket;
                return (lower + (BOUNDS.get(i) - lower) * fraction) * 1000;
            }
        }
        return BOUNDS.get(BOUNDS.size() - 1) * 1000;
    }

    /** What was counted between two cumulative readings; all of {@code now} after a router restart. */
    static long[] between(List<Long> before, List<Long> now) {
        long[] delta = new long[now.size()];
        boolean restarted = before.size() != now.size() || now.get(now.size() - 1) < before.get(before.size() - 1);
        for (int i = 0; i < delta.length; i++) {
            delta[i] = restarted ? now.get(i) : now.get(i) - before.get(i);
        }
        return delta;
    }
}
