package dev.gantry.control.telemetry;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;

/** How long something took, by how it ended (succeeded or failed), as one Prometheus histogram. */
final class OutcomeHistogram {

    /** Upper bounds in seconds: from a cached rebuild to the 30-minute build limit. */
    private static final double[] BOUNDS = {1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800};
    private static final String[] RESULTS = {"succeeded", "failed"};

    private final String name;
    private final String help;
    private final LongAdder[][] buckets = new LongAdder[RESULTS.length][BOUNDS.length + 1];
    private final LongAdder[] millis = new LongAdder[RESULTS.length];

    OutcomeHistogram(String name, String help) {
        this.name = name;
        this.help = help;
        for (int result = 0; result < RESULTS.length; result++) {
            millis[result] = new LongAdder();
            for (int bucket = 0; bucket <= BOUNDS.length; bucket++) {
                buckets[result][bucket] = new LongAdder();
            }
        }
    }

    void observe(boolean succeeded, Duration took) {
        int result = succeeded ? 0 : 1;
        double seconds = took.toMillis() / 1000.0;
        int bucket = 0;
        while (bucket < BOUNDS.length && seconds > BOUNDS[bucket]) {
            bucket++;
        }
        buckets[result][bucket].increment();
        millis[result].add(took.toMillis());
    }

    void writeTo(StringBuilder text) {
        text.append("# HELP ").append(name).append(' ').append(help).append('\n');
        text.append("# TYPE ").append(name).append(" histogram\n");
        for (int result = 0; result < RESULTS.length; result++) {
            String label = "result=\"" + RESULTS[result] + "\"";
            long cumulative = 0;
            for (int bucket = 0; bucket <= BOUNDS.length; bucket++) {
                cumulative += buckets[result][bucket].sum();
                String le = bucket < BOUNDS.length ? String.format(Locale.ROOT, "%s", BOUNDS[bucket]) : "+Inf";
                text.append(name).append("_bucket{").append(label).append(",le=\"").append(le).append("\"} ")
                        .append(cumulative).append('\n');
            }
            text.append(name).append("_sum{").append(label).append("} ")
                    .append(String.format(Locale.ROOT, "%.3f", millis[result].sum() / 1000.0)).append('\n');
            text.append(name).append("_count{").append(label).append("} ").append(cumulative).append('\n');
        }
    }
}
