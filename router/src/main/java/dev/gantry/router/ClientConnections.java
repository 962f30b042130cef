package dev.gantry.router;

import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.netty.util.concurrent.Promise;
import io.netty.util.concurrent.PromiseCombiner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The router's client connections and whether each is answering a request, so that a stopping router
 * empties them without cutting one: once {@link #stop()} is called, every response asks its client to
 * close the connection, and connections idle for a while are closed by the router.
 */
final class ClientConnections {

    private final Set<ClientConnection> open = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;

    void opened(ClientConnection connection) {
        open.add(connection);
    }

    void closed(ClientConnection connection) {
        open.remove(connection);
    }

    /**
     * Leaves out a connection that becomes a tunnel (WebSocket): it may stay open for hours and is
     * closed with the router, and its client reconnects.
     */
    void upgraded(ClientConnection connection) {
        open.remove(connection);
    }

    void stop() {
        stopping = true;
    }

    boolean stopping() {
        return stopping;
    }

    /**
     * Closes the connections that answered nothing for {@code idleFor}. A client sending a request just
     * as its idle connection closes sees it closed before any answer, and may retry elsewhere (browsers
     * and the JDK client do with idempotent requests); the wait makes that rare, as busy clients are
     * asked to close by their next response instead.
     */
    void closeIdle(Duration idleFor) {
        long now = System.nanoTime();
        for (ClientConnection connection : open) {
            if (connection.idleNanos(now) >= idleFor.toNanos()) {
                connection.channel().close();
            }
        }
    }

    /** Closes every connection, tunnels aside (they close with their backend's). */
    Future<Void> closeAll() {
        List<Future<?>> closing = new ArrayList<>();
        for (ClientConnection connection : open) {
            closing.add(connection.channel().close());
        }
        Promise<Void> all = GlobalEventExecutor.INSTANCE.newPromise();
        PromiseCombiner combiner = new PromiseCombiner(GlobalEventExecutor.INSTANCE);
        GlobalEventExecutor.INSTANCE.execute(() -> {
            closing.forEach(future -> combiner.add((Future) future));
            combiner.finish(all);
        });
        return all;
    }

    boolean none() {
        return open.isEmpty();
    }

    int count() {
        return open.size();
    }
}
