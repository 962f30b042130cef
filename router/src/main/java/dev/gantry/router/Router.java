package dev.gantry.router;

import dev.gantry.router.api.AppRoute;
import dev.gantry.router.api.AppStats;
import dev.gantry.router.api.Backend;
import dev.gantry.router.api.EmbeddedRouter;
import dev.gantry.router.api.TlsCertificate;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoop;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.Future;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.impl.VertxInternal;
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
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * The HTTP entry point for every app: routes each request by its Host header to one of the app's
 * backends, and switches an app to new backends atomically so that a deploy drops no request.
 *
 * <p>A rollout calls {@link #setRoute} with the new, healthy backends, then {@link #drain} with the
 * backends it returned, and stops those instances once the drain completes.
 *
 * <p>It is also the {@link EmbeddedRouter} of embedded mode ({@link EmbeddedRouterProvider}).
 *
 * <p>Runs on the caller's {@link Vertx}, on {@link RouterOptions#listeners()} of its event loops, with
 * Netty's HTTP codec directly (see docs/architecture.md, "Router"); {@link #close()} leaves that Vert.x
 * running. With {@link RouterOptions#httpsPort()} it serves
 * HTTPS too, each connection with the certificate of its server name (SNI) or else the default one.
 * With {@link RouterOptions#stateFile()} the table is loaded at construction and saved after every change.
 */
public final class Router implements EmbeddedRouter {

    private static final Logger LOG = Logger.getLogger(Router.class);
    private static final long BLOCKING_CALL_TIMEOUT_SECONDS = 30;
    // nginx's keepalive_timeout: an idle client connection is closed after this, bounding idle sockets.
    private static final Duration CLIENT_IDLE = Duration.ofSeconds(75);
    /**
     * How long a client connection of a stopping router must have been idle before the router closes
     * it: long enough that a client sending a request just then is rare, short enough not to hold up
     * the stop; clients that send more often are asked to close by the response instead.
     */
    static final Duration IDLE_CONNECTION_GRACE = Duration.ofSeconds(1);

    private final Vertx vertx;
    private final RouterOptions options;
    private final AtomicReference<RouteTable> table;
    private final RouteStateFile stateFile;
    private final InFlightRequests inFlight;
    private final BackendHealth health;
    private final BackendSelector selector;
    private final RouterMetrics metrics = new RouterMetrics();
    private final ClientConnections connections = new ClientConnections();
    private final Object changes = new Object();
    private final List<RouterListener> listeners = new ArrayList<>();
    private final List<BackendConnections> backendPools = new ArrayList<>();
    private long idleSweep = -1;
    private boolean changesRefused;
    private int port = -1;
    // Read by every plain HTTP request of an app that redirects to HTTPS, so not behind the monitor.
    private volatile int httpsPort = -1;

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
        List<EventLoop> loops = eventLoops();
        loops.forEach(loop -> backendPools.add(new BackendConnections(loop,
                ((VertxInternal) vertx).transport().channelFactory(false), options)));
        Upstreams upstreams = new Upstreams(selector, inFlight, options.backendIdleTimeout().toMillis(), metrics, health);
        HostDispatcher dispatcher = new HostDispatcher(table, upstreams, () -> httpsPort);
        idleSweep = vertx.setPeriodic(5_000, id -> connections.closeIdle(CLIENT_IDLE));
        port = listen(options.port(), loops, dispatcher, null);
        LOG.infof("Router listening on %s:%d (%d event loop(s))", options.bindHost(), port, loops.size());
        if (options.httpsPort() >= 0) {
            httpsPort = listen(options.httpsPort(), loops, dispatcher, new SniKeyManager(table).sslContext());
            LOG.infof("Router listening for HTTPS on %s:%d", options.bindHost(), httpsPort);
        }
    }

    private int listen(int requested, List<EventLoop> loops, HostDispatcher dispatcher, SslContext tls) {
        String where = "listen on " + options.bindHost() + ":" + requested + (tls != null ? " (HTTPS)" : "");
        try {
            RouterListener listener = RouterListener.open((VertxInternal) vertx, options.bindHost(), requested,
                    options.reusePort(), loops, loop -> connectionHandlers(dispatcher, tls, backendPools.get(loop)));
            listeners.add(listener);
            return listener.port();
        } catch (RuntimeException e) {
            close();
            throw new IllegalStateException("Router could not " + where + ": " + e.getMessage(), e);
        }
    }

    private ChannelHandler connectionHandlers(HostDispatcher dispatcher, SslContext tls, BackendConnections backends) {
        return new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel channel) {
                ChannelPipeline pipeline = channel.pipeline();
                if (tls != null) {
                    pipeline.addLast(tls.newHandler(channel.alloc()));
                }
                // One protocol (HTTP/1.1) keeps body framing and hop-by-hop rules in one place.
                pipeline.addLast(HttpCodecs.forClients(),
                        new ClientConnection(dispatcher, connections, tls != null, backends));
            }
        };
    }

    // Distinct loops of the Vert.x, as many as asked for (fewer if it has fewer).
    private List<EventLoop> eventLoops() {
        List<EventLoop> loops = new ArrayList<>();
        for (int i = 0; i < options.listeners() * 4 && loops.size() < options.listeners(); i++) {
            EventLoop loop = vertx.nettyEventLoopGroup().next();
            if (!loops.contains(loop)) {
                loops.add(loop);
            }
        }
        return loops;
    }

    /** The bound port, which differs from {@link RouterOptions#port()} when that was 0. */
    public synchronized int port() {
        if (port < 0) {
            throw new IllegalStateException("Router not started");
        }
        return port;
    }

    /** The bound HTTPS port, which differs from {@link RouterOptions#httpsPort()} when that was 0; -1 without HTTPS. */
    public int httpsPort() {
        return httpsPort;
    }

    /**
     * Atomically replaces the app's hostnames and backends. Requests that arrive afterwards go only
     * to {@code backends}; requests already sent elsewhere keep going (see {@link #drain}). With a
     * state file, the new table is on disk before it serves; if it cannot be saved nothing changes.
     *
     * @return the backends that left the app's route
     * @throws IllegalArgumentException if a hostname belongs to another app or is not a bare host name
     * @throws IllegalStateException after {@link #stopRouteChanges()}
     */
    @Override
    public Set<Backend> setRoute(AppRoute route) {
        String app = route.app();
        List<Backend> backends = route.backends();
        synchronized (changes) {
            requireChangesAccepted();
            RouteTable before = table.get();
            RouteTable after = before.with(route);
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

    @Override
    public void setDefaultCertificate(TlsCertificate certificate) {
        synchronized (changes) {
            requireChangesAccepted();
            if (certificate.equals(table.get().defaultCertificate())) {
                return;
            }
            RouteTable after = table.get().withDefaultCertificate(certificate);
            save(after);
            table.set(after);
            LOG.infof("Default certificate: %s", certificate);
        }
    }

    /** Stops routing the app; its hostnames answer 404 from now on. */
    @Override
    public void removeRoute(String app) {
        synchronized (changes) {
            requireChangesAccepted();
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
     * Reads the state file again and serves what it holds: a router that started beside another one
     * (see {@link #shutdown}) takes the routes that one saved until it stopped taking changes.
     */
    public void reloadRoutes() {
        if (stateFile == null) {
            return;
        }
        synchronized (changes) {
            RouteTable saved = stateFile.load();
            if (!saved.apps().equals(table.get().apps())) {
                table.set(saved);
                LOG.infof("Routes changed since this router loaded them: now serving the %d route(s) in %s",
                        saved.apps().size(), stateFile.path());
            }
        }
    }

    /**
     * Refuses route changes from now on. Returns once a change under way is saved, so that a router
     * taking over can then read the state file knowing it is final.
     */
    public void stopRouteChanges() {
        synchronized (changes) {
            changesRefused = true;
        }
    }

    /**
     * Stops without cutting a request in flight. First closes the listening socket, so that new
     * connections go to a successor router on the same port (SO_REUSEPORT), if one listens; it is
     * closed first so that few connections are on their way to it then. Then empties the client
     * connections: every response asks its client to close the connection, and connections idle for
     * {@link #IDLE_CONNECTION_GRACE} are closed. Returns once no connection is left, or at
     * {@code drain}, cutting whatever is still open; then closes. Call it from outside the event loop.
     */
    public void shutdown(Duration drain) {
        requireBlockingAllowed("shutdown");
        port();
        synchronized (this) {
            for (RouterListener listener : listeners) {
                await(listener.close(), "stop listening");
            }
            listeners.clear();
        }
        connections.stop();
        long deadline = System.nanoTime() + drain.toNanos();
        while (!connections.none() && System.nanoTime() < deadline) {
            connections.closeIdle(IDLE_CONNECTION_GRACE);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (!connections.none()) {
            LOG.warnf("Router stopping with %d client connection(s) still open and %d request(s) in flight after %s",
                    connections.count(), metrics.inFlight(), drain);
        }
        close();
    }

    /** Stops listening and closes every connection. Call it from outside the event loop. */
    @Override
    public synchronized void close() {
        requireBlockingAllowed("close");
        for (RouterListener listener : listeners) {
            await(listener.close(), "stop listening");
        }
        listeners.clear();
        await(connections.closeAll(), "close client connections");
        for (BackendConnections pool : backendPools) {
            await(pool.loop().submit(pool::close), "close backend connections");
        }
        backendPools.clear();
        if (idleSweep >= 0) {
            vertx.cancelTimer(idleSweep);
            idleSweep = -1;
        }
        port = -1;
        httpsPort = -1;
        health.close();
    }

    private void requireChangesAccepted() {
        if (changesRefused) {
            throw new IllegalStateException("the router is stopping and takes no route changes; its successor does");
        }
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
            return future.get(BLOCKING_CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
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
