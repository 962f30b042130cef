package dev.gantry.control.metrics;

import java.time.Instant;
import java.util.Map;

/**
 * An app's figures over one stretch of time (one sample, or a bucket of them): requests per second,
 * latency percentiles in milliseconds (null when no request was answered), 4xx and 5xx responses per
 * second, and each instance slot ({@code web.1}) with its memory and CPU.
 */
public record MetricPoint(Instant at, double requestsPerSecond, Double p50Ms, Double p95Ms, Double p99Ms,
        double clientErrorsPerSecond, double serverErrorsPerSecond, Map<String, InstancePoint> instances) {

    public MetricPoint {
        instances = Map.copyOf(instances);
    }

    /**
     * One slot's containers together (two while a rollout replaces one): resident memory in MiB and CPU
     * in percent of one core (null until two readings of the same container are known).
     */
    public record InstancePoint(double memoryMiB, Double cpuPercent) {
    }
}
