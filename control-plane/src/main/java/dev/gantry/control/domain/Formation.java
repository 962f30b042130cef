package dev.gantry.control.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.ManyToOne;
import dev.gantry.node.ResourceLimits;
import jakarta.persistence.Table;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * How many instances of one process type an app should run, and what each may use. It belongs to
 * the app, not to a release: a deploy or rollback keeps the scale and limits people chose.
 */
@Entity
@Table(name = "formation")
public class Formation extends IdentifiedEntity {

    /** What a process type gets the first time a release declares it. */
    public static final int DEFAULT_QUANTITY = 1;
    public static final int MAX_QUANTITY = 50;
    /** What an instance may use unless its process type says otherwise: Heroku's standard dyno size, doubled. */
    public static final long DEFAULT_MEMORY_BYTES = 1024L * 1024 * 1024;

    @ManyToOne(optional = false)
    public App app;

    @Column(name = "process_type", nullable = false, length = 30)
    public String processType;

    @Column(nullable = false)
    public int quantity;

    /** Null: Gantry's default ({@link #DEFAULT_MEMORY_BYTES}). */
    @Column(name = "memory_bytes")
    public Long memoryBytes;

    /** Null: no CPU cap. */
    public Double cpus;

    /** Null: the node's default pids limit. */
    public Integer pids;

    /**
     * The host labels every instance needs on a cluster ({@code ps:place}), as {@code key=value} pairs
     * joined by commas in key order; null: any host.
     */
    public String placement;

    public Map<String, String> placement() {
        Map<String, String> labels = new TreeMap<>();
        if (placement != null && !placement.isBlank()) {
            for (String pair : placement.split(",")) {
                int equals = pair.indexOf('=');
                labels.put(pair.substring(0, equals), pair.substring(equals + 1));
            }
        }
        return labels;
    }

    public void place(Map<String, String> labels) {
        placement = labels.isEmpty() ? null : new TreeMap<>(labels).entrySet().stream()
                .map(label -> label.getKey() + "=" + label.getValue()).collect(Collectors.joining(","));
    }

    /** The placement of each of the app's process types that has one. */
    public static Map<String, Map<String, String>> placementOf(App app) {
        Map<String, Map<String, String>> placement = new LinkedHashMap<>();
        of(app).stream().filter(row -> row.placement != null).forEach(row -> placement.put(row.processType, row.placement()));
        return placement;
    }

    public ResourceLimits limits() {
        return new ResourceLimits(memoryBytes == null ? DEFAULT_MEMORY_BYTES : memoryBytes, cpus == null ? 0 : cpus,
                pids == null ? 0 : pids);
    }

    /** The limits of each of the app's process types, as instances started now get them. */
    public static Map<String, ResourceLimits> limitsOf(App app) {
        Map<String, ResourceLimits> limits = new LinkedHashMap<>();
        of(app).forEach(row -> limits.put(row.processType, row.limits()));
        return limits;
    }

    /** The row of one process type, created with the default count when the type is new. */
    public static Formation ofType(App app, String processType) {
        return Formation.<Formation>find("app = ?1 and processType = ?2", app, processType).firstResultOptional()
                .orElseGet(() -> create(app, processType, DEFAULT_QUANTITY));
    }

    /** The desired count of each type the release runs; types seen for the first time get the default. */
    public static Map<String, Integer> ensureFor(App app, Iterable<String> processTypes) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String type : processTypes) {
            counts.put(type, ofType(app, type).quantity);
        }
        return counts;
    }

    public static void set(App app, String processType, int quantity) {
        Formation.<Formation>find("app = ?1 and processType = ?2", app, processType).firstResultOptional()
                .ifPresentOrElse(row -> row.quantity = quantity, () -> create(app, processType, quantity));
    }

    public static List<Formation> of(App app) {
        return list("app = ?1 order by processType", app);
    }

    private static Formation create(App app, String processType, int quantity) {
        Formation row = new Formation();
        row.app = app;
        row.processType = processType;
        row.quantity = quantity;
        row.persist();
        return row;
    }
}
