package dev.gantry.control.metrics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * One app's samples, the newest {@code capacity} of them, in a ring of plain float columns: a day of
 * 10-second samples is some 240 KiB per app and 70 KiB per instance slot, where as objects it would
 * be several times that. A slot not seen for as long as the ring covers is dropped with its columns.
 */
final class AppSeries {

    private static final int RPS = 0;
    private static final int P50 = 1;
    private static final int P95 = 2;
    private static final int P99 = 3;
    private static final int CLIENT_ERRORS = 4;
    private static final int SERVER_ERRORS = 5;
    private static final int TRAFFIC_COLUMNS = 6;

    private final int capacity;
    private final long[] times;
    private final float[][] traffic;
    private final Map<String, Slot> slots = new HashMap<>();
    private long written;

    private static final class Slot {
        final float[] memoryMiB;
        final float[] cpuPercent;
        long lastWritten;

        Slot(int capacity) {
            memoryMiB = nans(capacity);
            cpuPercent = nans(capacity);
        }
    }

    AppSeries(int capacity) {
        this.capacity = capacity;
        this.times = new long[capacity];
        this.traffic = new float[TRAFFIC_COLUMNS][];
        for (int column = 0; column < TRAFFIC_COLUMNS; column++) {
            traffic[column] = new float[capacity];
        }
    }

    synchronized void add(MetricPoint point) {
        int at = (int) (written % capacity);
        times[at] = point.at().toEpochMilli();
        traffic[RPS][at] = (float) point.requestsPerSecond();
        traffic[P50][at] = stored(point.p50Ms());
        traffic[P95][at] = stored(point.p95Ms());
        traffic[P99][at] = stored(point.p99Ms());
        traffic[CLIENT_ERRORS][at] = (float) point.clientErrorsPerSecond();
        traffic[SERVER_ERRORS][at] = (float) point.serverErrorsPerSecond();
        for (Slot slot : slots.values()) {
            slot.memoryMiB[at] = Float.NaN;
            slot.cpuPercent[at] = Float.NaN;
        }
        point.instances().forEach((name, instance) -> {
            Slot slot = slots.computeIfAbsent(name, n -> new Slot(capacity));
            slot.memoryMiB[at] = (float) instance.memoryMiB();
            slot.cpuPercent[at] = stored(instance.cpuPercent());
            slot.lastWritten = written;
        });
        written++;
        for (Iterator<Slot> slot = slots.values().iterator(); slot.hasNext(); ) {
            if (written - slot.next().lastWritten > capacity) {
                slot.remove();
            }
        }
    }

    /** The samples taken at {@code from} or later, oldest first. */
    synchronized List<MetricPoint> since(Instant from) {
        long first = Math.max(0, written - capacity);
        List<MetricPoint> points = new ArrayList<>();
        for (long n = first; n < written; n++) {
            int at = (int) (n % capacity);
            if (times[at] < from.toEpochMilli()) {
                continue;
            }
            Map<String, MetricPoint.InstancePoint> instances = new HashMap<>();
            slots.forEach((name, slot) -> {
                if (!Float.isNaN(slot.memoryMiB[at])) {
                    instances.put(name, new MetricPoint.InstancePoint(slot.memoryMiB[at], read(slot.cpuPercent[at])));
                }
            });
            points.add(new MetricPoint(Instant.ofEpochMilli(times[at]), traffic[RPS][at], read(traffic[P50][at]),
                    read(traffic[P95][at]), read(traffic[P99][at]), traffic[CLIENT_ERRORS][at],
                    traffic[SERVER_ERRORS][at], instances));
        }
        return points;
    }

    /** When the newest sample was taken; the epoch before the first. */
    synchronized Instant newest() {
        return written == 0 ? Instant.EPOCH : Instant.ofEpochMilli(times[(int) ((written - 1) % capacity)]);
    }

    private static float stored(Double value) {
        return value == null ? Float.NaN : value.floatValue();
    }

    private static Double read(float value) {
        return Float.isNaN(value) ? null : (double) value;
    }

    private static float[] nans(int capacity) {
        float[] column = new float[capacity];
        Arrays.fill(column, Float.NaN);
        return column;
    }
}
