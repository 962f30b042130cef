package dev.gantry.control.routing;

import dev.gantry.control.DaemonThreads;
import dev.gantry.router.api.AppRoute;
import dev.gantry.router.api.AppStats;
import dev.gantry.router.api.Backend;
import dev.gantry.router.api.RouteControl;
import dev.gantry.router.api.TlsCertificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Several routers steered as one: the control host's router, whose table is the reference, and
 * routers on other hosts. Each change goes to every router that is in step and returns once all of
 * them have it, so a cutover drains old instances only after every router sends to the new ones;
 * {@link #drain} completes once every router finished draining.
 *
 * <p>A remote router that fails a call (down, restarting, refusing) drops out of step: deploys go on
 * without it, and it gets no further changes until a check every {@code resyncEvery} finds it
 * answering; it then first gets the whole table (default certificate, routes with their certificates,
 * and the removal of routes it should no longer have) before it takes changes again. The reference
 * router's failures fail the call, as with one router.
 */
public final class RouterFanOut implements RouteControl, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(RouterFanOut.class);

    private final RouteControl reference;
    private final List<Remote> remotes;
    private final ExecutorService calls;
    private final ScheduledExecutorService checks;
    /** Route changes and resyncs happen one at a time, so a resync never misses a change made meanwhile. */
    private final Object changes = new Object();
    private volatile TlsCertificate defaultCertificate;

    /**
     * @param reference the router on this host
     * @param remotes the other routers by the name logs give them (their address)
     */
    public RouterFanOut(RouteControl reference, Map<String, RouteControl> remotes, Duration resyncEvery) {
        this.reference = Objects.requireNonNull(reference, "reference");
        this.remotes = remotes.entrySet().stream().map(e -> new Remote(e.getKey(), e.getValue())).toList();
        this.calls = Executors.newCachedThreadPool(DaemonThreads.named("router-fan-out"));
        this.checks = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("router-resync"));
        checks.scheduleWithFixedDelay(this::resyncAll, 0, resyncEvery.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public Set<Backend> setRoute(AppRoute route) {
        synchronized (changes) {
            Set<Backend> removed = new HashSet<>(reference.setRoute(route));
            // A router out of step may still send to backends the reference had already dropped: drain those too.
            toEachInStep("set the route of " + route.app(), remote -> remote.router.setRoute(route)).forEach(removed::addAll);
            return removed;
        }
    }

    @Override
    public void setDefaultCertificate(TlsCertificate certificate) {
        synchronized (changes) {
            reference.setDefaultCertificate(certificate);
            defaultCertificate = certificate;
            toEachInStep("set the default certificate", remote -> {
                remote.router.setDefaultCertificate(certificate);
                return null;
            });
        }
    }

    @Override
    public void removeRoute(String app) {
        synchronized (changes) {
            reference.removeRoute(app);
            toEachInStep("remove the route of " + app, remote -> {
                remote.router.removeRoute(app);
                return null;
            });
        }
    }

    @Override
    public CompletableFuture<Void> drain(Collection<Backend> backends, Duration timeout) {
        List<CompletableFuture<Void>> drains = new ArrayList<>();
        drains.add(reference.drain(backends, timeout));
        for (Remote remote : inStep()) {
            // A remote that fails here has no requests left that it could still finish: it counts as drained.
            drains.add(CompletableFuture.supplyAsync(() -> remote.router.drain(backends, timeout), calls)
                    .thenCompose(Function.identity())
                    .exceptionally(failure -> {
                        remote.dropOut("drain " + backends, failure);
                        return null;
                    }));
        }
        return CompletableFuture.allOf(drains.toArray(CompletableFuture[]::new));
    }

    @Override
    public Map<String, AppRoute> routes() {
        return reference.routes();
    }

    /** Every router's counters added up, so metrics count the requests of all of them; routers out of step count too. */
    @Override
    public Map<String, AppStats> stats() {
        Map<String, AppStats> total = new TreeMap<>(reference.stats());
        for (Remote remote : remotes) {
            try {
                remote.router.stats().forEach((app, stats) -> total.merge(app, stats, AppStats::plus));
            } catch (RuntimeException e) {
                remote.dropOut("read stats", e);
            }
        }
        return total;
    }

    /** This host's router. */
    public RouteControl reference() {
        return reference;
    }

    /** The routers on other hosts, in the order given, and whether each gets changes now. */
    public List<RemoteRouter> remotes() {
        return remotes.stream().map(remote -> remote.standing).toList();
    }

    /** The routers on other hosts that {@code router} steers: none unless it is a fan-out. */
    public static List<RemoteRouter> remotesOf(RouteControl router) {
        return router instanceof RouterFanOut fanOut ? fanOut.remotes() : List.of();
    }

    @Override
    public void close() {
        checks.shutdownNow();
        calls.shutdownNow();
    }

    /** Calls {@code change} on every remote in step at once and waits for all; those that fail drop out of step. */
    private <T> List<T> toEachInStep(String what, Function<Remote, T> change) {
        List<Remote> targets = inStep();
        List<CompletableFuture<T>> sent = targets.stream()
                .map(remote -> CompletableFuture.supplyAsync(() -> change.apply(remote), calls)).toList();
        List<T> answers = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            try {
                T answer = sent.get(i).join();
                if (answer != null) {
                    answers.add(answer);
                }
            } catch (RuntimeException e) {
                targets.get(i).dropOut(what, e.getCause() != null ? e.getCause() : e);
            }
        }
        return answers;
    }

    private List<Remote> inStep() {
        return remotes.stream().filter(remote -> remote.standing.inStep()).toList();
    }

    private void resyncAll() {
        for (Remote remote : remotes) {
            if (!remote.standing.inStep()) {
                try {
                    resync(remote);
                } catch (RuntimeException e) {
                    LOG.debugf("router %s is still out of step: %s", remote.name, e.getMessage());
                    remote.standing = new RemoteRouter(remote.name, false, remote.standing.since(),
                            "does not answer: " + e.getMessage());
                }
            }
        }
    }

    private void resync(Remote remote) {
        // Asked outside the lock first: a router that does not answer must not hold up route changes.
        remote.router.routes();
        synchronized (changes) {
            Map<String, AppRoute> wanted = reference.routes();
            Map<String, AppRoute> present = remote.router.routes();
            TlsCertificate certificate = defaultCertificate;
            if (certificate != null) {
                remote.router.setDefaultCertificate(certificate);
            }
            // Routes whose names changed go first, so no stale name blocks the app that has it now.
            present.forEach((app, route) -> {
                AppRoute kept = wanted.get(app);
                if (kept == null || !kept.hostnames().equals(route.hostnames())) {
                    remote.router.removeRoute(app);
                }
            });
            wanted.values().forEach(remote.router::setRoute);
            remote.standing = new RemoteRouter(remote.name, true, Instant.now(), null);
            LOG.infof("router %s is in step: it got the whole table (%d route(s)) and takes changes again", remote.name,
                    wanted.size());
        }
    }

    private static final class Remote {

        final String name;
        final RouteControl router;
        // One immutable value, so a reader never sees the state of one moment with the reason of another.
        volatile RemoteRouter standing;

        Remote(String name, RouteControl router) {
            this.name = name;
            this.router = router;
            this.standing = new RemoteRouter(name, false, Instant.now(), "not reached yet");
        }

        void dropOut(String what, Throwable failure) {
            if (standing.inStep()) {
                standing = new RemoteRouter(name, false, Instant.now(), "could not " + what + ": " + failure.getMessage());
                LOG.warnf("router %s could not %s (%s): deploys go on without it; it gets the whole table once it"
                        + " answers again", name, what, failure.getMessage());
            }
        }
    }
}
