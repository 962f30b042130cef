package dev.gantry.router;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.PoolOptions;
import java.time.Duration;
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
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * The HTTP entry point for every app: routes each request by its Host header to one of the app's
 * backends, and switches an app to new backends atomically so that a deploy drops no request.
 *
 * <p>A rollout calls {@link #setRoute} with the new, healthy backends, then {@link #drain} with the
 * backends it returned, and stops those instances once the drain completes.
 *
 * <p>Runs on the caller's {@link Vertx}; {@link #close()} leaves that Vert.x running.
 */
public final class Router implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Router.class);
    private static final long BLOCKING_CALL_TIMEOUT_SECONDS = 30;
    // Below the 5 s keep-alive timeout of Node.js and many app servers, so the router drops an idle
    // pooled connection before the app does and never sends a request into a closing socket.
    private static final int BACKEND_KEEP_ALIVE_SECONDS = 4;

    private final Vertx vertx;
    private final RouterOptions options;
    private final AtomicReference<RouteTable> table = new AtomicReference<>(RouteTable.EMPTY);
    private final InFlightRequests inFlight;
    private final BackendSelector selector;
    private final HttpClient client;
    private HttpServer server;

    public Router(Vertx vertx, RouterOptions options) {
        this.vertx = Objects.requireNonNull(vertx, "vertx");
        this.options = Objects.requireNonNull(options, "options");
        this.inFlight = new InFlightRequests(vertx);
        this.selector = new BackendSelector(table, inFlight);
        this.client = vertx.createHttpClient(
                new HttpClientOptions()
                        .setKeepAlive(true)
                        .setKeepAliveTimeout(BACKEND_KEEP_ALIVE_SECONDS)
                        .setConnectTimeout(Math.toIntExact(options.connectTimeout().toMillis())),
                new PoolOptions().setHttp1MaxSize(options.maxConnectionsPerBackend()));
    }

    /** Binds the listener; blocks until it accepts connections. Call it from outside the event loop. */
    public synchronized void start() {
        requireBlockingAllowed("start");
        if (server != null) {
            throw new IllegalStateException("Router already started on port " + server.actualPort());
        }
        Upstreams upstreams = new Upstreams(client, selector, inFlight, options.backendIdleTimeout().toMillis());
        HttpServer created = vertx.createHttpServer(new HttpServerOptions()
                        .setHost(options.bindHost())
                        .setPort(options.port())
                        // One protocol (HTTP/1.1) keeps body framing and hop-by-hop rules in one place.
                        .setHttp2ClearTextEnabled(false)
                        // Clients that wait for 100 Continue get it from here; the body is then piped.
                        .setHandle100ContinueAutomatically(true))
                .requestHandler(new HostDispatcher(table, upstreams));
        await(created.listen(), "listen on " + options.bindHost() + ":" + options.port());
        server = created;
        LOG.infof("Router listening on %s:%d", options.bindHost(), created.actualPort());
    }

    /** The bound port, which differs from {@link RouterOptions#port()} when that was 0. */
    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException("Router not started");
        }
        return server.actualPort();
    }

    /**
     * Atomically replaces the app's hostnames and backends. Requests that arrive afterwards go only
     * to {@code backends}; requests already sent elsewhere keep going (see {@link #drain}).
     *
     * @return the backends that left the app's route
     * @throws IllegalArgumentException if a hostname belongs to another app or is not a bare host name
     */
    public Set<Backend> setRoute(String app, Set<String> hostnames, List<Backend> backends) {
        while (true) {
            RouteTable before = table.get();
            RouteTable after = before.with(app, hostnames, backends);
            if (table.compareAndSet(before, after)) {
                Set<Backend> left = new HashSet<>(backendsOf(before, app));
                left.removeAll(backends);
                LOG.infof("Route %s: %s -> %s (left: %s)", app, after.forApp(app).hostnames(), backends, left);
                return Set.copyOf(left);
            }
        }
    }

    /**
     * Completes once no request is in flight to {@code backends}. At {@code timeout}, requests still
     * open are answered 504 (or reset if their response had begun) and logged, and the future completes.
     * WebSockets to these backends are closed at once. Never blocks the event loop.
     */
    public CompletableFuture<Void> drain(Collection<Backend> backends, Duration timeout) {
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("drain timeout must not be negative, was " + timeout);
        }
        return inFlight.drain(backends, timeout);
    }

    /** Stops routing the app; its hostnames answer 404 from now on. */
    public void removeRoute(String app) {
        table.updateAndGet(current -> current.without(app));
        selector.forget(app);
        LOG.infof("Route %s removed", app);
    }

    /** The current routes by app name, as one consistent snapshot. */
    public Map<String, AppRoute> routes() {
        return table.get().apps();
    }

    /** Stops listening and closes backend connections. Call it from outside the event loop. */
    @Override
    public synchronized void close() {
        requireBlockingAllowed("close");
        if (server != null) {
            await(server.close(), "stop listening");
            server = null;
        }
        await(client.close(), "close backend connections");
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

    private static void await(Future<?> future, String what) {
        try {
            future.toCompletionStage().toCompletableFuture().get(BLOCKING_CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
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
