package dev.gantry.control.telemetry;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;

/**
 * The control plane's own figures for operators who run Prometheus: pushes, builds and rollouts by
 * how long they took and how they ended, automatic rollbacks, and the process's memory. Counted since
 * the process started, as Prometheus expects of counters.
 */
@ApplicationScoped
public class ControlPlaneMetrics {

    private final OutcomeHistogram pushes = new OutcomeHistogram("gantry_push_duration_seconds",
            "Pushes to the deployed branch, from receiving them to the end of the rollout, by result.");
    private final OutcomeHistogram builds = new OutcomeHistogram("gantry_build_duration_seconds",
            "Image builds, by result.");
    private final OutcomeHistogram rollouts = new OutcomeHistogram("gantry_rollout_duration_seconds",
            "Rollouts of a release (push, rollback, config change, restart), from start to switch or failure, by result.");
    private final LongAdder automaticRollbacks = new LongAdder();

    public void pushed(boolean succeeded, Duration took) {
        pushes.observe(succeeded, took);
    }

    public void built(boolean succeeded, Duration took) {
        builds.observe(succeeded, took);
    }

    public void rolledOut(boolean succeeded, Duration took) {
        rollouts.observe(succeeded, took);
    }

    /** A release failed while watched after its switch, and Gantry put the one before back. */
    public void rolledBackAutomatically() {
        automaticRollbacks.increment();
    }

    /** Prometheus' text format, version 0.0.4. */
    public String text() {
        StringBuilder text = new StringBuilder();
        pushes.writeTo(text);
        builds.writeTo(text);
        rollouts.writeTo(text);
        text.append("# HELP gantry_automatic_rollbacks_total Releases that failed while watched and were rolled back.\n")
                .append("# TYPE gantry_automatic_rollbacks_total counter\n")
                .append("gantry_automatic_rollbacks_total ").append(automaticRollbacks.sum()).append('\n');
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        gauge(text, "gantry_control_plane_heap_used_bytes", "The control plane's Java heap in use.", heap.getUsed());
        gauge(text, "gantry_control_plane_heap_max_bytes", "The largest the control plane's Java heap may grow (-Xmx).",
                heap.getMax());
        gauge(text, "gantry_control_plane_resident_memory_bytes", "The control plane's resident memory (RSS).",
                residentBytes());
        return text.toString();
    }

    private static void gauge(StringBuilder text, String name, String help, long value) {
        text.append("# HELP ").append(name).append(' ').append(help).append('\n')
                .append("# TYPE ").append(name).append(" gauge\n")
                .append(name).append(' ').append(value).append('\n');
    }

    /** VmRSS of this process, as the kernel counts it; 0 where there is no /proc (not Linux). */
    private static long residentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }
}
