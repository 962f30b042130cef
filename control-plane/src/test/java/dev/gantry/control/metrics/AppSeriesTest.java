package dev.gantry.control.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AppSeriesTest {

    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");

    @Test
    void theRingKeepsTheNewestSamplesAndDropsASlotGoneForAsLongAsItCovers() {
        AppSeries series = new AppSeries(3);
        series.add(point(0, Map.of("web.2", new MetricPoint.InstancePoint(10, 1.0))));
        for (int i = 1; i <= 4; i++) {
            series.add(point(i, Map.of("web.1", new MetricPoint.InstancePoint(20 + i, null))));
        }

        List<MetricPoint> kept = series.since(T0);
        assertEquals(List.of(2.0, 3.0, 4.0), kept.stream().map(MetricPoint::requestsPerSecond).toList());
        assertEquals(Map.of("web.1", new MetricPoint.InstancePoint(24, null)), kept.get(2).instances());
        assertEquals(List.of(4.0), series.since(T0.plusSeconds(40)).stream().map(MetricPoint::requestsPerSecond).toList());
    }

    @Test
    void theDaysPointsAreFiveMinutesLongWithAverageRatesAndHighestPercentiles() {
        List<MetricPoint> samples = List.of(point(0, Map.of()), point(10, Map.of()), point(30, Map.of()));

        List<MetricPoint> points = MetricsBuckets.of(samples, Duration.ofMinutes(5));

        assertEquals(2, points.size(), "00:00-00:05 (two samples), then 00:05 (one)");
        assertEquals(5.0, points.get(0).requestsPerSecond(), 1e-9);
        assertEquals(100.0, points.get(0).p99Ms(), 1e-9);
        assertEquals(T0, points.get(0).at());
    }

    /** Sample {@code n}, {@code n * 10 s} after T0, with n requests per second and a p99 of n * 10 ms. */
    private static MetricPoint point(int n, Map<String, MetricPoint.InstancePoint> instances) {
        return new MetricPoint(T0.plusSeconds(n * 10L), n, 1.0, 2.0, n * 10.0, 0, 0, instances);
    }
}
