package dev.gantry.control.gc;

import dev.gantry.control.GantryConfig;
import dev.gantry.control.apps.AppLocks;
import dev.gantry.control.apps.AppService;
import dev.gantry.control.build.ImageRetention;
import dev.gantry.control.checks.Durations;
import dev.gantry.control.cluster.RegistryCollector;
import dev.gantry.control.instances.InstanceLabels;
import dev.gantry.control.releases.ReleaseLedger;
import dev.gantry.node.ImageStore;
import dev.gantry.node.NodeReport;
import dev.gantry.node.NodeRunner;
import dev.gantry.node.OneOffRuns;
import dev.gantry.node.RunningContainer;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Gives the node's disk back (reliability.md §3, "disk full of images"): exited containers no
 * release wants, images of releases beyond retention, and what builds cut off by a crash left; on a
 * cluster, also the images beyond retention that instances pulled on the other hosts ({@link HostImageCollector})
 * and what the registry holds of them ({@link RegistryCollector}). It
 * never touches the current release's image or one a container uses (the engine refuses), nor a
 * tagged image such as a stack, and leaves an exited instance of the current release to the
 * {@code FormationReconciler}, which records the crash before it replaces it. An app busy with a
 * deploy is skipped until the next pass ({@code system:prune} waits a few seconds for it first).
 */
@ApplicationScoped
public class GarbageCollector {

    private static final Logger LOG = Logger.getLogger(GarbageCollector.class);
    private static final Duration REMOVE_GRACE = Duration.ofSeconds(1);
    private static final Duration ONE_OFF_GRACE = Duration.ofMinutes(1);
    private static final Duration PRUNE_PATIENCE = Duration.ofSeconds(10);

    private final NodeReport node;
    private final NodeRunner nodes;
    private final OneOffRuns oneOffs;
    private final ImageStore images;
    private final AppService apps;
    private final AppLocks locks;
    private final ReleaseLedger ledger;
    private final ImageRetention retention;
    private final HostImageCollector hostImages;
    private final RegistryCollector registry;
    private final Duration buildLeftoverAge;
    private final Duration period;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "garbage-collector");
        thread.setDaemon(true);
        return thread;
    });

    GarbageCollector(NodeReport node, NodeRunner nodes, OneOffRuns oneOffs, ImageStore images, AppService apps, AppLocks locks,
            ReleaseLedger ledger, ImageRetention retention, HostImageCollector hostImages, RegistryCollector registry, GantryConfig config) {
        this.node = node;
        this.nodes = nodes;
        this.oneOffs = oneOffs;
        this.images = images;
        this.apps = apps;
        this.locks = locks;
        this.ledger = ledger;
        this.retention = retention;
        this.hostImages = hostImages;
        this.registry = registry;
        this.buildLeftoverAge = Durations.parse("gantry.gc.build-leftover-age", config.gc().buildLeftoverAge());
        this.period = Durations.parse("gantry.gc.period", config.gc().period());
    }

    /** Collects every period from now on (a period of 0 leaves it to system:prune). */
    public void start() {
        if (period.isZero()) {
            return;
        }
        ticker.scheduleWithFixedDelay(() -> {
            try {
                collect(Duration.ZERO);
            } catch (RuntimeException e) {
                LOG.warnf("garbage collection failed, trying again in %s: %s", Durations.format(period), e.getMessage());
            }
        }, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        ticker.shutdownNow();
    }

    /** What one pass removed: container names and image ids. */
    public record Removed(List<String> containers, List<String> images) {
    }

    /**
     * What {@code system:prune} asks for: an app whose lock a deploy or a supervision pass holds is
     * waited for a moment rather than passed over, so the person who asked sees its leftovers go.
     */
    public Removed collect() {
        return collect(PRUNE_PATIENCE);
    }

    /** One pass; an app busy for longer than {@code patience} is left to the next pass. */
    synchronized Removed collect(Duration patience) {
        Set<String> known = apps.list().stream().map(app -> app.name).collect(Collectors.toSet());
        Removed removed = new Removed(removeExitedContainers(known, patience), removeImages(known, patience));
        if (!removed.containers().isEmpty() || !removed.images().isEmpty()) {
            LOG.infof("garbage collection removed %d container(s) and %d image(s)", removed.containers().size(),
                    removed.images().size());
        }
        return removed;
    }

    private List<String> removeExitedContainers(Set<String> known, Duration patience) {
        Map<String, List<RunningContainer>> exitedByApp = node.exitedAppContainers().stream()
                .collect(Collectors.groupingBy(container -> container.labels().get(InstanceLabels.APP)));
        List<String> removed = new ArrayList<>();
        exitedByApp.forEach((app, exited) -> {
            if (!known.contains(app)) {
                exited.forEach(container -> removed.add(remove(container)));
                return;
            }
            // Under the app's lock: a rollout may be looking at an instance that just exited.
            locks.tryAcquire(app, patience).ifPresent(lock -> {
                try (lock) {
                    Optional<String> current = ledger.currentTarget(app).map(t -> Integer.toString(t.version()));
                    exited.stream().filter(container -> unwanted(container, current))
                            .forEach(container -> removed.add(remove(container)));
                }
            });
        });
        return removed;
    }

    /**
     * A one-off run is removed by the run itself once it has read the exit code, so only one that
     * exited a while ago is left over; an instance is, when its release is not the current one.
     */
    private static boolean unwanted(RunningContainer container, Optional<String> currentRelease) {
        if (container.labels().containsKey(InstanceLabels.ONE_OFF)) {
            return container.finishedAt() == null || container.finishedAt().isBefore(Instant.now().minus(ONE_OFF_GRACE));
        }
        return !currentRelease.equals(Optional.ofNullable(container.labels().get(InstanceLabels.RELEASE)));
    }

    private List<String> removeImages(Set<String> known, Duration patience) {
        List<String> removed = new ArrayList<>();
        for (String app : known) {
            locks.tryAcquire(app, patience).ifPresent(lock -> {
                try (lock) {
                    removed.addAll(retention.prune(app));
                }
            });
        }
        for (String image : images.buildLeftovers(Instant.now().minus(buildLeftoverAge))) {
            if (images.remove(image)) {
                removed.add(image);
            }
        }
        try {
            removed.addAll(hostImages.collect(known, patience));
        } catch (RuntimeException e) {
            // This host's pass stands; the other hosts' disks are looked at again next time.
            LOG.warnf("garbage collection on the cluster's other hosts failed: %s", e.getMessage());
        }
        try {
            removed.addAll(registry.collect(known, patience));
        } catch (RuntimeException e) {
            LOG.warnf("the registry's garbage collection failed: %s", e.getMessage());
        }
        return removed;
    }

    private String remove(RunningContainer container) {
        if (container.labels().containsKey(InstanceLabels.ONE_OFF)) {
            oneOffs.remove(container.id(), REMOVE_GRACE);
        } else {
            nodes.remove(container.id(), REMOVE_GRACE);
        }
        return container.name();
    }
}
