package dev.gantry.control.telemetry;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ControlPlaneMetricsTest {

    @Test
    void durationsAreCumulativeHistogramsByResultInPrometheusText() {
        ControlPlaneMetrics metrics = new ControlPlaneMetrics();
        metrics.pushed(true, Duration.ofSeconds(4));
        metrics.pushed(true, Duration.ofSeconds(40));
        metrics.pushed(false, Duration.ofMillis(500));
        metrics.rolledBackAutomatically();

        String text = metrics.text();

        assertTrue(text.contains("# TYPE gantry_push_duration_seconds histogram\n"), text);
        assertTrue(text.contains("gantry_push_duration_seconds_bucket{result=\"succeeded\",le=\"5.0\"} 1\n"), text);
        assertTrue(text.contains("gantry_push_duration_seconds_bucket{result=\"succeeded\",le=\"60.0\"} 2\n"), text);
        assertTrue(text.contains("gantry_push_duration_seconds_bucket{result=\"succeeded\",le=\"+Inf\"} 2\n"), text);
        assertTrue(text.contains("gantry_push_duration_seconds_sum{result=\"succeeded\"} 44.000\n"), text);
        assertTrue(text.contains("gantry_push_duration_seconds_count{result=\"failed\"} 1\n"), text);
        assertTrue(text.contains("gantry_build_duration_seconds_count{result=\"succeeded\"} 0\n"), text);
        assertTrue(text.contains("gantry_automatic_rollbacks_total 1\n"), text);
        assertTrue(text.matches("(?s).*\ngantry_control_plane_heap_max_bytes [1-9][0-9]*\n.*"), text);
    }
}
