package dev.gantry.control.metrics;

import dev.gantry.control.InvalidInputException;
import java.time.Duration;

/**
 * How far back a metrics view looks and how coarse its points are: the last hour at the sampling
 * interval, the last day in 5-minute points (288 of them, which a chart or a terminal can show).
 */
public enum MetricsRange {
    HOUR("1h", Duration.ofHours(1), Duration.ZERO),
    DAY("24h", Duration.ofDays(1), Duration.ofMinutes(5));

    private final String word;
    private final Duration span;
    private final Duration step;

    MetricsRange(String word, Duration span, Duration step) {
        this.word = word;
        this.span = span;
        this.step = step;
    }

    /** {@code 1h} or {@code 24h}; none means the hour. */
    public static MetricsRange parse(String text) {
        if (text == null || text.isBlank()) {
            return HOUR;
        }
        for (MetricsRange range : values()) {
            if (range.word.equals(text.trim())) {
                return range;
            }
        }
        throw new InvalidInputException("range: '" + text + "' is not a range. Use 1h (the last hour) or 24h (the last day)");
    }

    public String word() {
        return word;
    }

    public Duration span() {
        return span;
    }

    /** The length of one point: the sampling interval for the hour. */
    Duration step(Duration interval) {
        return step.isZero() ? interval : step;
    }
}
