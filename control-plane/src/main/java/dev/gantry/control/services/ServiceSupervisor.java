package dev.gantry.control.services;

import dev.gantry.common.LineSink;
import dev.gantry.control.apps.AppLocks;
import dev.gantry.control.formation.CrashHistory;
import dev.gantry.node.RunningContainer;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Keeps every service's instance running: every couple of seconds, an instance that exited or that its
 * own health check calls unhealthy is removed and a new one started on the same volume (and networks),
 * with the backoff apps get (1 s doubling to a minute; a minute up forgets the crashes). A service busy
 * with a change (a restore stops Redis on purpose) is left until the next round.
 */
@ApplicationScoped
public class ServiceSupervisor {

    private static final Logger LOG = Logger.getLogger(ServiceSupervisor.class);
    static final long PERIOD_MILLIS = 2000;
    /** The crash history's slot for a service's one instance (its key's release part is always 0). */
    private static final String SLOT = "instance";
    private static final Duration STABLE_UPTIME = Duration.ofMinutes(1);

    private final ServiceCatalog catalog;
    private final ServiceInstances instances;
    private final ServiceLocks locks;
    private final CrashHistory crashes;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "service-supervisor");
        thread.setDaemon(true);
        return thread;
    });

    ServiceSupervisor(ServiceCatalog catalog, ServiceInstances instances, ServiceLocks locks, CrashHistory crashes) {
        this.catalog = catalog;
        this.instances = instances;
        this.locks = locks;
        this.crashes = crashes;
    }

    public void start() {
        ticker.scheduleWithFixedDelay(this::round, 0, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        ticker.shutdownNow();
    }

    /** Why the service's instance last stopped, while it is still crashing; empty once it is stable. */
    public Optional<CrashHistory.Crashes> crashes(String service) {
        return crashes.of(ServiceNames.owner(service), 0, SLOT);
    }

    private void round() {
        try {
            for (ServiceSpec spec : catalog.all()) {
                Optional<AppLocks.Held> lock = locks.tryAcquire(spec.name());
                if (lock.isPresent()) {
                    try (AppLocks.Held held = lock.get()) {
                        supervise(spec);
                    } catch (RuntimeException e) {
                        LOG.warnf("could not supervise service %s: %s", spec.name(), e.getMessage());
                    }
                }
            }
        } catch (RuntimeException e) {
            LOG.warnf("service supervision round failed: %s", e.getMessage());
        }
    }

    void supervise(ServiceSpec spec) {
        List<RunningContainer> all = instances.all(spec.name());
        Optional<RunningContainer> serving = all.stream().filter(ServiceInstances::serves).findFirst();
        for (RunningContainer container : all) {
            if (serving.isEmpty() || !container.id().equals(serving.get().id())) {
                if (!ServiceInstances.serves(container)) {
                    Duration backoff = crashes.crashed(ServiceNames.owner(spec.name()), 0, SLOT, reason(container));
                    LOG.warnf("service %s: %s %s; starting another in %s", spec.name(), container.name(),
                            reason(container), backoff);
                }
                instances.remove(container);
            }
        }
        if (serving.isPresent()) {
            Instant since = serving.get().startedAt();
            if (since != null && since.isBefore(Instant.now().minus(STABLE_UPTIME))) {
                crashes.forget(ServiceNames.owner(spec.name()), 0, SLOT);
            }
            return;
        }
        boolean mayStart = crashes(spec.name()).map(c -> c.allowsStartAt(Instant.now())).orElse(true);
        if (mayStart) {
            LineSink log = line -> LOG.infof("service %s: %s", spec.name(), line.strip());
            RunningContainer started = instances.start(spec, log);
            LOG.infof("service %s: started %s", spec.name(), started.name());
        }
    }

    private static String reason(RunningContainer container) {
        if (container.running()) {
            return "failed its health check";
        }
        return container.oomKilled() ? "ran out of memory" : "exited with code " + container.exitCode();
    }
}
