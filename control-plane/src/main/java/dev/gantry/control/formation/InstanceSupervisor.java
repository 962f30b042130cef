package dev.gantry.control.formation;

import dev.gantry.common.LineSink;
import dev.gantry.control.DaemonThreads;
import dev.gantry.control.apps.AppLocks;
import dev.gantry.control.apps.AppService;
import dev.gantry.control.deploy.ReleaseWatch;
import dev.gantry.control.domain.App;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Keeps every app's formation running: every couple of seconds each app gets a reconcile pass, so
 * an instance that exits is restarted (with backoff) and a stopped engine's instances come back when
 * it does. An app busy with a deploy or scale is skipped for that round, and an app whose new
 * release is being watched is left to the {@link ReleaseWatch}, which rolls a crashing release back.
 */
@ApplicationScoped
public class InstanceSupervisor {

    private static final Logger LOG = Logger.getLogger(InstanceSupervisor.class);
    static final long PERIOD_MILLIS = 2000;
    private static final int WORKERS = 2;

    private final AppService apps;
    private final AppLocks locks;
    private final FormationReconciler reconciler;
    private final ReleaseWatch watch;
    private final Set<String> inProgress = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("supervisor"));
    private final ExecutorService workers = Executors.newFixedThreadPool(WORKERS, DaemonThreads.named("supervisor-app"));

    InstanceSupervisor(AppService apps, AppLocks locks, FormationReconciler reconciler, ReleaseWatch watch) {
        this.apps = apps;
        this.locks = locks;
        this.reconciler = reconciler;
        this.watch = watch;
    }

    public void start() {
        ticker.scheduleWithFixedDelay(this::round, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void round() {
        try {
            for (App app : apps.list()) {
                if (!watch.mayRollBack(app.name) && inProgress.add(app.name)) {
                    workers.execute(() -> supervise(app.name));
                }
            }
        } catch (RuntimeException e) {
            LOG.warnf("supervision round failed: %s", e.getMessage());
        }
    }

    private void supervise(String app) {
        try {
            Optional<AppLocks.Held> lock = locks.tryAcquire(app);
            if (lock.isPresent()) {
                try (AppLocks.Held held = lock.get()) {
                    LineSink log = line -> LOG.debugf("%s: %s", app, line.strip());
                    reconciler.reconcile(app, log);
                }
            }
        } catch (RuntimeException e) {
            LOG.warnf("could not supervise %s: %s", app, e.getMessage());
        } finally {
            inProgress.remove(app);
        }
    }

    @PreDestroy
    void stop() {
        ticker.shutdownNow();
        workers.shutdownNow();
    }
}
