package dev.gantry.control.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Samples gathered into points of one step each, aligned to the step: rates and CPU are averaged over
 * the samples in a point; latency percentiles and memory take the highest sample, so that a spike
 * within 5 minutes still shows on the day's chart. A step with no sample makes no point (a gap).
 */
final class MetricsBuckets {

    private MetricsBuckets() {
    }

    static List<MetricPoint> of(List<MetricPoint> samples, Duration step) {
        Map<Long, List<MetricPoint>> byStep = new TreeMap<>();
        long stepMillis = step.toMillis();
        for (MetricPoint sample : samples) {
            long start = Math.floorDiv(sample.at().toEpochMilli(), stepMillis) * stepMillis;
            byStep.computeIfAbsent(start, s -> new ArrayList<>()).add(sample);
        }
        List<MetricPoint> points = new ArrayList<>();
        byStep.forEach((start, group) -> points.add(group.size() == 1 ? group.get(0) : merged(start, group)));
        return points;
    }

    private static MetricPoint merged(long start, List<MetricPoint> group) {
        Map<String, List<MetricPoint.InstancePoint>> slots = new TreeMap<>();
        group.forEach(sample -> sample.instances().forEach(
                (slot, instance) -> slots.computeIfAbsent(slot, s -> new ArrayList<>()).add(instance)));
        Map<String, MetricPoint.InstancePoint> instances = new TreeMap<>();
        slots.forEach((slot, readings) -> instances.put(slot, new MetricPoint.InstancePoint(
                readings.stream().mapToDouble(MetricPoint.InstancePoint::memoryMiB).max().orElse(0),
                mean(readings, MetricPoint.InstancePoint::cpuPercent))));
        return new MetricPoint(Instant.ofEpochMilli(start), average(group, MetricPoint::requestsPerSecond),
                highest(group, MetricPoint::p50Ms), highest(group, MetricPoint::p95Ms), highest(group, MetricPoint::p99Ms),
                average(group, MetricPoint::clientErrorsPerSecond), average(group, MetricPoint::serverErrorsPerSecond),
                instances);
    }

    private static double average(List<MetricPoint> group, ToDoubleFunction<MetricPoint> figure) {
        return group.stream().mapToDouble(figure).average().orElse(0);
    }

    private static Double highest(List<MetricPoint> group, Function<MetricPoint, Double> figure) {
        return group.stream().map(figure).filter(Objects::nonNull).max(Double::compare).orElse(null);
    }

    private static <T> Double mean(List<T> readings, Function<T, Double> figure) {
        double[] known = readings.stream().map(figure).filter(Objects::nonNull).mapToDouble(Double::doubleValue).toArray();
        return known.length == 0 ? null : Arrays.stream(known).average().orElseThrow();
    }
}
