package dev.gantry.control.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gantry.control.metrics.ChangeMarker;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricsChartTest {

    private static final Instant FROM = Instant.parse("2026-12-07T10:00:00Z");
    private static final Instant TO = FROM.plusSeconds(100);

    @Test
    void aLineBreaksWhereSamplesAreMissingAndTheAxisEndsOnARoundFigure() {
        MetricsChart.Series line = new MetricsChart.Series("requests", "s1", List.of(
                sample(0, 1.0), sample(10, 3.0), sample(60, 2.0), sample(70, null), sample(80, 4.0)));

        String svg = MetricsChart.svg("requests", "Requests per second", "req/s", FROM, TO, 10, List.of(line), List.of());

        // x: 52 + 660 * t / 100; y: 16 + 132 - 132 * v / 5 (the axis goes to 5).
        assertTrue(svg.contains("d=\"M52.0 121.6 L118.0 68.8 M448.0 95.2 M580.0 42.4\""), svg);
        assertTrue(svg.contains(">5 req/s</text>"), svg);
    }

    @Test
    void aMarkersSummaryIsEscapedNotMarkup() {
        ChangeMarker marker = new ChangeMarker(FROM.plusSeconds(50), ChangeMarker.Kind.CONFIG, "v2",
                "Set <script>alert(1)</script>");

        String svg = MetricsChart.svg("cpu", "CPU", "%", FROM, TO, 10, List.of(), List.of(marker));

        assertFalse(svg.contains("<script>"), svg);
        assertTrue(svg.contains("<g class=\"marker config\" data-release=\"v2\"><title>v2 config: Set &lt;script&gt;"), svg);
    }

    @Test
    void roundFigures() {
        assertEquals(1, MetricsChart.roundUp(0));
        assertEquals(5, MetricsChart.roundUp(4));
        assertEquals(200, MetricsChart.roundUp(101));
        assertEquals(0.5, MetricsChart.roundUp(0.31), 1e-12);
    }

    private static MetricsChart.Sample sample(int second, Double value) {
        return new MetricsChart.Sample(FROM.plusSeconds(second), value);
    }
}
