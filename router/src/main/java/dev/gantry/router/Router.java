package dev.gantry.router;

import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * The HTTP entry point for every app: routes each request by its Host header to one of the app's
 * backends, and switches an app to new backends atomically so that a deploy drops no request.
 *
 * <p>A rollout calls {@link #setRoute} with the new, healthy backends, then {@link #drain} with the
 * backends it returned, and stops those instances once the drain completes.
 *
 * <p>Runs on the caller's {@link Vertx}, on {@link RouterOptions#listeners()} event loops;
 * {@link #close()} leaves that Vert.x running. With {@link RouterOptions#stateFile()} the table is
 * loaded at construction and saved after every change.
 */
public final class Router implements RouteControl, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Router.class);
    private static final long BLOCKING_CALL_TIMEOUT_SECONDS = 30;
    private static final AtomicInteger RANDOM_PORT_KEYS = new AtomicInteger();

    private final Vertx vertx;
    private final RouterOptions options;
    private final AtomicReference<RouteTable> table;
    private final RouteStateFile stateFile;
    private final InFlightRequests inFlight;
    private final BackendHealth health;
    private final BackendSelector selector;
    private final RouterMetrics metrics = new RouterMetrics();
    private final Object changes = new Object();
    private final List<String> deployments = new ArrayList<>();
    private volatile boolean shuttingDown;
    private int port = -1;

    public Router(Vertx vertx, RouterOptions options) {
        this.vertx = Objects.requireNonNull(vertx, "vertx");
        this.options = Objects.requireNonNull(options, "options");
        this.stateFile = options.stateFile() == null ? null : new RouteStateFile(options.stateFile());
        this.table = new AtomicReference<>(stateFile == null ? RouteTable.EMPTY : stateFile.load());
        if (stateFile != null) {
            LOG.infof("Loaded %d route(s) from %s", table.get().apps().size(), stateFile.path());
        }
        this.inFlight = new InFlightRequests(vertx);
        this.health = new BackendHealth(vertx, Math.toIntExact(options.connectTimeout().toMillis()), this::isRouted);
        this.selector = new BackendSelector(table, inFlight, health);
    }

    /** Binds the listeners; blocks until they accept connections. Call it from outside the event loop. */
    public synchronized void start() {
        requireBlockingAllowed("start");
        if (port >= 0) {
            throw new IllegalStateException("Router already started on port " + port);
        }
        String where = "listen on " + options.bindHost() + ":" + options.port();
        // Vert.x hands accepted connections to the listeners that share one server socket. Port 0 would
        // give each its own free port; a negative port is Vert.x's way of sharing one free port among the
        // servers given that same number, so each router takes a number of its own.
        int shared = options.port() == 0 ? RANDOM_PORT_KEYS.decrementAndGet() : options.port();
        List<RouterListener> listeners = new ArrayList<>();
        deployments.add(await(vertx.deployVerticle(() -> {
            RouterListener listener = listener(shared);
            synchronized (listeners) {
                listeners.add(listener);
            }
            return listener;
        }, new DeploymentOptions().setInstances(options.listeners())), where));
        int bound = listeners.get(0).actualPort();
        port = bound;
        LOG.infof("Router listening on %s:%d (%d event loop(s))", options.bindHost(), bound, options.listeners());
    }

    /** The bound port, which differs from {@link RouterOptions#port()} when that was 0. */
    public synchronized int port() {
        if (port < 0) {
            throw new IllegalStateException("Router not started");
        }
        return port;
    }

    /**
     * Atomically replaces the app's hostnames and backends. Requests that arrive afterwards go only
     * to {@code backends}; requests already sent elsewhere keep going (see {@link #drain}). With a
     * state file, the new table is on disk before it serves; if it cannot be saved nothing changes.
     *
     * @return the backends that left the app's route
     * @throws IllegalArgumentException if a hostname belongs to another app or is not a bare host name
     */
    @Override
    public Set<Backend> setRoute(String app, Set<String> hostnames, List<Backend> backends) {
        synchronized (changes) {
            RouteTable before = table.get();
            RouteTable after = before.with(app, hostnames, backends);
            save(after);
            table.set(after);
            Set<Backend> left = new HashSet<>(backendsOf(before, app));
            left.removeAll(backends);
            metrics.forApp(app).retainBackends(Set.copyOf(backends));
            LOG.infof("Route %s: %s -> %s (left: %s)", app, after.forApp(app).hostnames(), backends, left);
            return Set.copyOf(left);
        }
    }

    /**
     * Completes once no request is in flight to {@code backends}. At {@code timeout}, requests still
     * open are answered 504 (or reset if their response had begun) and logged, and the future completes.
     * WebSockets to these backends are closed at the deadline. Never blocks the event loop.
     */
    @Override
    public CompletableFuture<Void> drain(Collection<Backend> backends, Duration timeout) {
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("drain timeout must not be negative, was " + timeout);
        }
        return inFlight.drain(backends, timeout);
    }

    /** Stops routing the app; its hostnames answer 404 from now on. */
    @Override
    public void removeRoute(String app) {
        synchronized (changes) {
            RouteTable after = table.get().without(app);
            if (after == table.get()) {
                return;
            }
            save(after);
            table.set(after);
            selector.forget(app);
            metrics.forApp(app).retainBackends(Set.of());
            LOG.infof("Route %s removed", app);
        }
    }

    /** The current routes by app name, as one consistent snapshot. */
    @Override
    public Map<String, AppRoute> routes() {
        return table.get().apps();
    }

    @Override
    public Map<String, AppStats> stats() {
        return metrics.snapshot(this::isHealthy);
    }

    /** The counters of {@link #stats()} and a latency histogram, in the Prometheus text format. */
    public String prometheusMetrics() {
        return metrics.prometheus(this::isHealthy);
    }

    /**
     * Stops gracefully: from now on responses ask clients to close their connections, requests in
     * flight get up to {@code grace} to finish, then the listeners close. Call it from outside the
     * event loop.
     */
    public void shutdown(Duration grace) {
        requireBlockingAllowed("shutdown");
        shuttingDown = true;
        long deadline = System.nanoTime() + grace.toNanos();
        long open;
        while ((open = metrics.inFlight()) > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (open > 0) {
            LOG.warnf("Router stopping with %d request(s) still in flight after %s", open, grace);
        }
        close();
    }

    /** Stops listening and closes backend connections. Call it from outside the event loop. */
    @Override
    public synchronized void close() {
        requireBlockingAllowed("close");
        for (String id : deployments) {
            await(vertx.undeploy(id), "stop listening");
        }
        deployments.clear();
        port = -1;
        health.close();
    }

    private RouterListener listener(int port) {
        return new RouterListener(options, port, table,
                client -> new Upstreams(client, selector, inFlight, options.backendIdleTimeout().toMillis(), metrics, health),
                () -> shuttingDown);
    }

    private void save(RouteTable after) {
        if (stateFile != null) {
            stateFile.save(after);
        }
    }

    private boolean isRouted(Backend backend) {
        for (AppRoute route : table.get().apps().values()) {
            if (route.contains(backend)) {
                return true;
            }
        }
        return false;
    }

    private boolean isHealthy(Backend backend) {
        return !health.isDown(backend);
    }

    private static List<Backend> backendsOf(RouteTable table, String app) {
        AppRoute route = table.forApp(app);
        return route == null ? List.of() : route.backends();
    }

    private static void requireBlockingAllowed(String method) {
        if (Context.isOnEventLoopThread()) {
            throw new IllegalStateException("Router." + method + "() blocks; call it from outside the event loop");
        }
    }

    private static <T> T await(Future<T> future, String what) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(BLOCKING_CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Router could not " + what + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Router could not " + what + " within " + BLOCKING_CALL_TIMEOUT_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to " + what, e);
        }
    }
}
