package dev.gantry.control.console;

import dev.gantry.control.metrics.ChangeMarker;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * One chart of the Metrics tab as inline SVG, drawn here so that the page needs no script: a line per
 * series over the range, broken where no sample was taken, a y axis from 0 to a round maximum, and a
 * vertical line at each release (its label and summary as the line's tooltip). Colours come from
 * console.css by class; every text that came from a user (a release's summary) is escaped.
 */
final class MetricsChart {

    static final int WIDTH = 720;
    static final int HEIGHT = 170;
    private static final int LEFT = 52;
    private static final int RIGHT = 8;
    private static final int TOP = 16;
    private static final int BOTTOM = 22;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

    /** One line: its name in the legend, its CSS class, and a value (or none) at each time. */
    record Series(String name, String css, List<Sample> samples) {
    }

    record Sample(Instant at, Double value) {
    }

    private MetricsChart() {
    }

    /** The chart as an {@code <svg>} element with id {@code chart-ID}; a sample more than two steps after the one before starts a new stroke. */
    static String svg(String id, String title, String unit, Instant from, Instant to, long stepSeconds,
            List<Series> series, List<ChangeMarker> markers) {
        double top = roundUp(series.stream().flatMap(s -> s.samples().stream()).map(Sample::value)
                .filter(v -> v != null).mapToDouble(Double::doubleValue).max().orElse(0));
        double span = Math.max(1, to.toEpochMilli() - from.toEpochMilli());
        int plotWidth = WIDTH - LEFT - RIGHT;
        int plotHeight = HEIGHT - TOP - BOTTOM;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg id=\"chart-").append(id).append("\" class=\"chart\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(HEIGHT).append("\" role=\"img\" aria-label=\"").append(escape(title)).append("\">");
        svg.append("<title>").append(escape(title)).append("</title>");
        for (int tick = 0; tick <= 2; tick++) {
            double y = TOP + plotHeight - plotHeight * tick / 2.0;
            svg.append(String.format(Locale.ROOT, "<line class=\"grid\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\"/>",
                    LEFT, y, WIDTH - RIGHT, y));
            svg.append(String.format(Locale.ROOT, "<text class=\"axis\" x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>",
                    LEFT - 4, y + 4, escape(label(top * tick / 2) + (tick == 2 ? " " + unit : ""))));
        }
        for (int tick = 0; tick <= 4; tick++) {
            Instant at = from.plusMillis((long) (span * tick / 4));
            svg.append(String.format(Locale.ROOT, "<text class=\"axis\" x=\"%.1f\" y=\"%d\" text-anchor=\"%s\">%s</text>",
                    LEFT + plotWidth * tick / 4.0, HEIGHT - 6, tick == 0 ? "start" : tick == 4 ? "end" : "middle",
                    CLOCK.format(at)));
        }
        for (ChangeMarker marker : markers) {
            double x = LEFT + plotWidth * (marker.at().toEpochMilli() - from.toEpochMilli()) / span;
            svg.append(String.format(Locale.ROOT, "<g class=\"marker %s\" data-release=\"%s\"><title>%s %s: %s</title>"
                            + "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"/><text x=\"%.1f\" y=\"%d\">%s</text></g>",
                    marker.kind().word(), escape(marker.release()), escape(marker.release()), marker.kind().word(),
                    escape(marker.summary()), x, TOP, x, TOP + plotHeight, x + 2, TOP + 8, escape(marker.release())));
        }
        double legendX = LEFT + 8;
        for (Series line : series) {
            svg.append(String.format(Locale.ROOT, "<g class=\"legend\"><line class=\"line %s\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"/>"
                    + "<text class=\"axis\" x=\"%.1f\" y=\"%d\">%s</text></g>", line.css(), legendX, TOP - 4, legendX + 14,
                    TOP - 4, legendX + 17, TOP, escape(line.name())));
            legendX += 30 + 7 * line.name().length();
        }
        long gapMillis = stepSeconds * 2000;
        for (Series line : series) {
            StringBuilder path = new StringBuilder();
            Instant previous = null;
            for (Sample sample : line.samples()) {
                if (sample.value() == null) {
                    previous = null;
                    continue;
                }
                double x = LEFT + plotWidth * (sample.at().toEpochMilli() - from.toEpochMilli()) / span;
                double y = TOP + plotHeight - (top == 0 ? 0 : plotHeight * sample.value() / top);
                boolean joined = previous != null && sample.at().toEpochMilli() - previous.toEpochMilli() <= gapMillis;
                path.append(String.format(Locale.ROOT, "%s%.1f %.1f ", joined ? "L" : "M", x, y));
                previous = sample.at();
            }
            svg.append("<path class=\"line ").append(line.css()).append("\" data-series=\"").append(escape(line.name()))
                    .append("\" d=\"").append(path.toString().trim()).append("\"><title>").append(escape(line.name()))
                    .append("</title></path>");
        }
        return svg.append("</svg>").toString();
    }

    /** The next round figure at or above {@code max} (1, 2 or 5 times a power of ten), so the axis reads easily. */
    static double roundUp(double max) {
        if (max <= 0) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(max)));
        for (double factor : new double[] {1, 2, 5, 10}) {
            if (factor * power >= max) {
                return factor * power;
            }
        }
        return 10 * power;
    }

    private static String label(double value) {
        return value == Math.rint(value) ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.2g", value);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
