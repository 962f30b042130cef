package dev.gantry.control.deploy;

import dev.gantry.build.ProcessTypes;
import dev.gantry.common.LineSink;
import dev.gantry.control.apps.AppLocks;
import dev.gantry.control.checks.HealthCheckSpec;
import dev.gantry.control.instances.AppInstance;
import dev.gantry.control.instances.InstanceInventory;
import dev.gantry.control.releases.RolloutTarget;
import dev.gantry.node.RunningContainer;
import dev.gantry.router.api.AppStats;
import dev.gantry.router.api.RouteControl;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Watches a release for a while after it took traffic. If its web instance crashes, fails its
 * health check several times in a row, or answers users mostly with 5xx where the release before
 * did not, Gantry rolls back to the release that served before (when
 * the app allows it), so a bad release that passed its first check does not stay up unnoticed.
 */
@ApplicationScoped
public class ReleaseWatch {

    private static final Logger LOG = Logger.getLogger(ReleaseWatch.class);
    static final int FAILED_CHECKS_IN_A_ROW = 3;
    /** Below this many responses in the window, a 5xx ratio says nothing. */
    static final long MIN_RESPONSES_FOR_RATIO = 20;
    static final double MOSTLY_FAILING = 0.5;
    static final double HEALTHY_BEFORE = 0.1;
    private static final long PERIOD_MILLIS = 1000;

    private final InstanceInventory inventory;
    private final RouteControl router;
    private final RollbackService rollbacks;
    private final AppLocks locks;
    private final ConcurrentHashMap<String, Watch> watches = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(1, runnable -> {
        Thread thread = new Thread(runnable, "release-watch");
        thread.setDaemon(true);
        return thread;
    });

    ReleaseWatch(InstanceInventory inventory, RouteControl router, RollbackService rollbacks, AppLocks locks) {
        this.inventory = inventory;
        this.router = router;
        this.rollbacks = rollbacks;
        this.locks = locks;
    }

    public void watch(RolloutTarget target, LineSink progress) {
        stopWatching(target.app());
        if (target.policy().watchWindow().isZero()) {
            return;
        }
        progress.line("-----> Watching " + target.label() + " for " + target.policy().watchWindow().toSeconds() + " s"
                + (target.policy().autoRollback() ? "; it is rolled back automatically if it fails" : ""));
        Watch watch = new Watch(target, System.nanoTime() + target.policy().watchWindow().toNanos(),
                trafficOf(target.app()));
        watches.put(target.app(), watch);
        watch.task = scheduler.scheduleWithFixedDelay(() -> check(watch), PERIOD_MILLIS, PERIOD_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    /** Whether a crash of the app's instances now is the watch's to handle (by rolling back). */
    public boolean mayRollBack(String app) {
        Watch watch = watches.get(app);
        return watch != null && watch.target.policy().autoRollback();
    }

    /** A newer rollout of the app replaces whatever was being watched. */
    public void stopWatching(String app) {
        Watch previous = watches.remove(app);
        if (previous != null && previous.task != null) {
            previous.task.cancel(false);
        }
    }

    private void check(Watch watch) {
        if (watches.get(watch.target.app()) != watch) {
            return;
        }
        if (System.nanoTime() > watch.deadline) {
            stopWatching(watch.target.app());
            return;
        }
        // A change under way (ps:restart, ps:scale, ps:place, a drain) stops instances on purpose: an
        // instance it stopped and has not removed yet is no crash, so the watch looks only between changes.
        Optional<AppLocks.Held> between = locks.tryAcquire(watch.target.app());
        if (between.isEmpty()) {
            return;
        }
        try (AppLocks.Held held = between.get()) {
            problem(watch).ifPresent(problem -> {
                stopWatching(watch.target.app());
                LOG.warnf("%s %s failed while watched: %s", watch.target.app(), watch.target.label(), problem);
                if (watch.target.policy().autoRollback()) {
                    rollbacks.rollBackAutomatically(watch.target, problem);
                }
            });
        }
    }

    private Optional<String> problem(Watch watch) {
        RolloutTarget target = watch.target;
        if (target.quantity(ProcessTypes.WEB) == 0) {
            return Optional.empty();
        }
        // Retiring instances are on their way out: ps:restart's or ps:place's old ones exit with 143 then.
        List<RunningContainer> instances = inventory.serving(target.app(), target.version()).stream()
                .filter(AppInstance::isWeb)
                .map(AppInstance::container)
                .toList();
        Optional<RunningContainer> crashed = instances.stream().filter(c -> !c.running()).findFirst();
        if (instances.isEmpty() || crashed.isPresent()) {
            return Optional.of("its web instance " + crashed.map(c -> "exited with code " + c.exitCode())
                    .orElse("is gone"));
        }
        Optional<String> failingTraffic = mostlyFailing(watch);
        if (failingTraffic.isPresent()) {
            return failingTraffic;
        }
        HealthCheckSpec checks = target.checks();
        if (checks.disabled()) {
            return Optional.empty();
        }
        Optional<String> failure = instances.stream()
                .map(c -> checks.probe(c.hostAddress(), c.hostPort(), checks.timeout()).attempt())
                .flatMap(Optional::stream)
                .findFirst();
        watch.failuresInARow = failure.isPresent() ? watch.failuresInARow + 1 : 0;
        return watch.failuresInARow >= FAILED_CHECKS_IN_A_ROW
                ? Optional.of("it failed its health check " + FAILED_CHECKS_IN_A_ROW + " times in a row (last: "
                        + failure.get() + ")")
                : Optional.empty();
    }

    /**
     * Users' requests tell what a health check may miss: most answers of the new release are 5xx,
     * while the traffic before it (mostly the previous release's) was healthy.
     */
    private Optional<String> mostlyFailing(Watch watch) {
        AppStats now = trafficOf(watch.target.app());
        if (now == null || watch.before == null) {
            return Optional.empty();
        }
        long responses = now.responses() - watch.before.responses();
        long failures = now.responses5xx() - watch.before.responses5xx();
        double before = watch.before.responses() == 0 ? 0 : (double) watch.before.responses5xx() / watch.before.responses();
        if (responses >= MIN_RESPONSES_FOR_RATIO && failures > responses * MOSTLY_FAILING && before < HEALTHY_BEFORE) {
            return Optional.of(failures + " of its " + responses + " responses were 5xx, against "
                    + Math.round(before * 100) + "% before it");
        }
        return Optional.empty();
    }

    private AppStats trafficOf(String app) {
        try {
            return router.stats().get(app);
        } catch (RuntimeException unavailable) {
            LOG.debugf("no traffic figures for %s: %s", app, unavailable.getMessage());
            return null;
        }
    }

    @PreDestroy
    void stop() {
        scheduler.shutdownNow();
    }

    private static final class Watch {
        final RolloutTarget target;
        final long deadline;
        final AppStats before;
        int failuresInARow;
        ScheduledFuture<?> task;

        Watch(RolloutTarget target, long deadline, AppStats before) {
            this.target = target;
            this.deadline = deadline;
            this.before = before;
        }
    }
}
