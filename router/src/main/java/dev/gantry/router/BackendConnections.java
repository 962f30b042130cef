package dev.gantry.router;

import dev.gantry.router.api.Backend;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFactory;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One event loop's keep-alive connections to the backends: a client connection of this loop is only
 * ever given a backend connection of the same loop, so a request never changes threads and the pool
 * needs no lock. Idle connections are reused newest first and closed after {@link #KEEP_ALIVE_NANOS};
 * at {@code maxPerBackend} open connections a request waits for one to come back.
 */
final class BackendConnections {

    // Below the 5 s keep-alive timeout of Node.js and many app servers, so the router drops an idle
    // pooled connection before the app does and never sends a request into a closing socket.
    static final long KEEP_ALIVE_NANOS = TimeUnit.SECONDS.toNanos(4);

    /** Told, on the pool's event loop, how a request for a connection ended. */
    interface Waiter {
        void connected(BackendConnection connection);

        void connectFailed(Throwable cause);
    }

    private final EventLoop loop;
    private final Bootstrap bootstrap;
    private final int maxPerBackend;
    private final long idleTimeoutNanos;
    private final Map<Backend, Pool> pools = new HashMap<>();
    private final ScheduledFuture<?> sweep;
    private boolean closed;

    BackendConnections(EventLoop loop, ChannelFactory<? extends Channel> channels, RouterOptions options) {
        this.loop = loop;
        this.maxPerBackend = options.maxConnectionsPerBackend();
        this.idleTimeoutNanos = options.backendIdleTimeout().toNanos();
        this.bootstrap = new Bootstrap().group(loop).channelFactory(channels)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, Math.toIntExact(options.connectTimeout().toMillis()));
        // One timer per loop instead of one per request: idle timeouts are checked a few times a period.
        long every = Math.max(TimeUnit.MILLISECONDS.toNanos(50), Math.min(TimeUnit.SECONDS.toNanos(1), idleTimeoutNanos / 4));
        this.sweep = loop.scheduleAtFixedRate(this::sweep, every, every, TimeUnit.NANOSECONDS);
    }

    /** Calls {@code waiter} with an idle connection to {@code backend} at once, or once one is open. */
    void acquire(Backend backend, Waiter waiter) {
        Pool pool = poolOf(backend);
        BackendConnection idle = pool.idle.pollFirst();
        long now = System.nanoTime();
        while (idle != null && idle.idleInPoolFor(now) >= KEEP_ALIVE_NANOS) {
            // Past its keep-alive time but not yet swept: the backend may be closing it right now.
            idle.channel().close();
            idle = pool.idle.pollFirst();
        }
        if (idle != null) {
            waiter.connected(idle);
        } else {
            connectOrWait(backend, pool, waiter);
        }
    }

    /**
     * As {@link #acquire}, but with a connection opened for {@code waiter}, not an idle one: for a
     * request that an idle connection just failed (at the limit, it waits for one as others do).
     */
    void acquireNew(Backend backend, Waiter waiter) {
        connectOrWait(backend, poolOf(backend), waiter);
    }

    private Pool poolOf(Backend backend) {
        Pool pool = pools.get(backend);
        return pool != null ? pool : pools.computeIfAbsent(backend, b -> new Pool());
    }

    private void connectOrWait(Backend backend, Pool pool, Waiter waiter) {
        if (pool.open < maxPerBackend) {
            connect(backend, pool, waiter);
        } else {
            pool.waiters.addLast(waiter);
        }
    }

    /**
     * A new connection to {@code backend} that is not pooled: a protocol switch (WebSocket) takes it over.
     * Completes on this loop.
     */
    ChannelFuture connectDedicated(Backend backend, ChannelInitializer<Channel> handlers) {
        return bootstrap.clone().handler(handlers).connect(backend.host(), backend.port());
    }

    /** The exchange on {@code connection} is over; {@code reusable} when its framing was intact. */
    void release(BackendConnection connection, boolean reusable) {
        Pool pool = pools.get(connection.backend());
        if (!reusable || closed || pool == null || !connection.channel().isActive()) {
            connection.channel().close();
            return;
        }
        Waiter next = pool.waiters.pollFirst();
        if (next != null) {
            next.connected(connection);
        } else {
            pool.idle.addFirst(connection);
        }
    }

    /** Any way a connection closes: it leaves the pool, and frees its place for a waiting request. */
    void closed(BackendConnection connection) {
        Pool pool = pools.get(connection.backend());
        if (pool == null) {
            return;
        }
        pool.idle.remove(connection);
        pool.all.remove(connection);
        if (connection.counted()) {
            pool.open--;
        }
        Waiter next = pool.waiters.pollFirst();
        if (next != null) {
            connect(connection.backend(), pool, next);
        } else if (pool.open == 0) {
            pools.remove(connection.backend());
        }
    }

    /** Closes every connection; call it on this loop. */
    void close() {
        closed = true;
        sweep.cancel(false);
        for (Pool pool : new ArrayList<>(pools.values())) {
            for (BackendConnection connection : new ArrayList<>(pool.all)) {
                connection.channel().close();
            }
        }
    }

    EventLoop loop() {
        return loop;
    }

    private void connect(Backend backend, Pool pool, Waiter waiter) {
        pool.open++;
        BackendConnection connection = new BackendConnection(backend, this);
        pool.all.add(connection);
        bootstrap.clone().handler(new ChannelInitializer<>() {
            @Override
            protected void initChannel(Channel channel) {
                channel.pipeline().addLast(HttpCodecs.forBackends(), connection);
            }
        }).connect(backend.host(), backend.port()).addListener((ChannelFuture done) -> {
            if (done.isSuccess()) {
                waiter.connected(connection);
            } else {
                pool.all.remove(connection);
                connection.uncount();
                pool.open--;
                if (pool.open == 0 && pool.waiters.isEmpty()) {
                    pools.remove(backend, pool);
                }
                waiter.connectFailed(done.cause());
            }
        });
    }

    private void sweep() {
        long now = System.nanoTime();
        List<BackendConnection> all = new ArrayList<>();
        pools.values().forEach(pool -> all.addAll(pool.all));
        for (BackendConnection connection : all) {
            if (connection.idleInPoolFor(now) >= KEEP_ALIVE_NANOS) {
                connection.channel().close();
            } else {
                connection.checkSilence(now, idleTimeoutNanos);
            }
        }
    }

    private static final class Pool {
        final ArrayDeque<BackendConnection> idle = new ArrayDeque<>();
        final List<BackendConnection> all = new ArrayList<>();
        final ArrayDeque<Waiter> waiters = new ArrayDeque<>();
        int open;
    }
}
