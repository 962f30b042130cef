package dev.gantry.router;

import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The router's client connections and whether each is answering a request, so that a stopping router
 * empties them without cutting one: once {@link #stop()} is called, every response asks its client to
 * close the connection, and connections idle for a while are closed by the router.
 */
final class ClientConnections {

    private final Map<HttpConnection, Activity> open = new ConcurrentHashMap<>();
    private volatile boolean stopping;

    void opened(HttpConnection connection) {
        open.put(connection, new Activity());
        connection.closeHandler(v -> open.remove(connection));
    }

    /** The connection answers this request until its response is written (or the connection closes). */
    void requestArrived(HttpServerRequest request) {
        HttpServerResponse response = request.response();
        response.headersEndHandler(v -> {
            if (stopping) {
                // Finish this request, but have the client open its next connection elsewhere.
                response.putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
            }
        });
        Activity activity = open.get(request.connection());
        if (activity != null) {
            activity.started();
            response.bodyEndHandler(v -> activity.ended());
        }
    }

    /**
     * Leaves out a connection that becomes a tunnel (WebSocket): it may stay open for hours and is
     * closed with the router, and its client reconnects. Vert.x reports no close for it.
     */
    void upgraded(HttpServerRequest request) {
        open.remove(request.connection());
    }

    void stop() {
        stopping = true;
    }

    /**
     * Closes the connections that answered nothing for {@code idleFor}. A client sending a request just
     * as its idle connection closes sees it closed before any answer, and may retry elsewhere (browsers
     * and the JDK client do with idempotent requests); the wait makes that rare, as busy clients are
     * asked to close by their next response instead.
     */
    void closeIdle(Duration idleFor) {
        long now = System.nanoTime();
        open.forEach((connection, activity) -> {
            if (activity.idleFor(now) >= idleFor.toNanos()) {
                connection.close();
            }
        });
    }

    boolean none() {
        return open.isEmpty();
    }

    boolean noneBusy() {
        return open.values().stream().noneMatch(Activity::busy);
    }

    int count() {
        return open.size();
    }

    private static final class Activity {
        private final AtomicInteger requests = new AtomicInteger();
        private volatile long lastNanos = System.nanoTime();

        void started() {
            requests.incrementAndGet();
            lastNanos = System.nanoTime();
        }

        void ended() {
            lastNanos = System.nanoTime();
            requests.decrementAndGet();
        }

        boolean busy() {
            return requests.get() > 0;
        }

        long idleFor(long now) {
            return busy() ? 0 : now - lastNanos;
        }
    }
}
