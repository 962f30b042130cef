package dev.gantry.router.api;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * What the control plane needs from a router, whether it runs in the same process (the router module's {@code Router})
 * or as its own process behind the local admin interface ({@link RouterAdminClient}).
 *
 * <p>A rollout calls {@link #setRoute} with the new, healthy backends, then {@link #drain} with the
 * backends it returned, and stops those instances once the drain completes. Implementations are
 * thread-safe; the remote one blocks on the network, so call it from worker threads.
 */
public interface RouteControl {

    /**
     * Atomically replaces the app's hostnames and backends (and, where the router persists its
     * table, saves it before returning). Requests that arrive afterwards go only to {@code backends}.
     *
     * With the route come the certificates the app's names are served with over HTTPS, and whether
     * plain HTTP requests are redirected there.
     *
     * @return the backends that left the app's route
     * @throws IllegalArgumentException if a hostname belongs to another app or the input is invalid;
     *     nothing changed
     */
    Set<Backend> setRoute(AppRoute route);

    /** {@link #setRoute(AppRoute)} for plain HTTP: no certificates, no redirect. */
    default Set<Backend> setRoute(String app, Set<String> hostnames, List<Backend> backends) {
        return setRoute(new AppRoute(app, hostnames, backends));
    }

    /**
     * The certificate for HTTPS clients whose server name no route's certificate covers (or that send
     * none); saved like the routes.
     */
    void setDefaultCertificate(TlsCertificate certificate);

    /**
     * Completes once no request is in flight to {@code backends}; at {@code timeout} the requests still
     * open are ended (504) and the future completes. WebSockets to these backends are closed at the deadline.
     */
    CompletableFuture<Void> drain(Collection<Backend> backends, Duration timeout);

    /** Stops routing the app; its hostnames answer 404 from now on. */
    void removeRoute(String app);

    /** The current routes by app name, as one consistent snapshot. */
    Map<String, AppRoute> routes();

    /** Cumulative traffic counters per app since the router started (see {@link AppStats}). */
    Map<String, AppStats> stats();
}
