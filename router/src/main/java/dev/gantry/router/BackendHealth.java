package dev.gantry.router;

import dev.gantry.router.api.Backend;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.jboss.logging.Logger;

/**
 * Passive health: a backend that refuses a connection leaves the rotation until a TCP connect to it
 * succeeds again. The router probes it itself, 1 s after the failure and then at doubling intervals
 * up to 10 s, so that no client request is spent finding out. A request that reaches it anyway (all
 * of an app's backends down) and connects also puts it back.
 */
final class BackendHealth {

    private static final Logger LOG = Logger.getLogger(BackendHealth.class);
    static final long FIRST_PROBE_MILLIS = 1_000;
    static final long MAX_PROBE_MILLIS = 10_000;

    private final Vertx vertx;
    private final NetClient probes;
    private final Predicate<Backend> stillRouted;
    private final Map<Backend, Down> down = new ConcurrentHashMap<>();

    BackendHealth(Vertx vertx, int connectTimeoutMillis, Predicate<Backend> stillRouted) {
        this.vertx = vertx;
        this.probes = vertx.createNetClient(new NetClientOptions().setConnectTimeout(connectTimeoutMillis));
        this.stillRouted = stillRouted;
    }

    /** Whether the backend is out of rotation. Cheap when every backend is healthy. */
    boolean isDown(Backend backend) {
        return !down.isEmpty() && down.containsKey(backend);
    }

    void connectFailed(Backend backend, Throwable cause) {
        Down marked = new Down();
        if (down.putIfAbsent(backend, marked) == null) {
            LOG.warnf("Backend %s refused a connection (%s); out of rotation until it accepts one again",
                    backend, cause.getMessage());
            scheduleProbe(backend, marked, FIRST_PROBE_MILLIS);
        }
    }

    void connected(Backend backend) {
        if (!down.isEmpty() && down.remove(backend) != null) {
            LOG.infof("Backend %s accepted a connection; back in rotation", backend);
        }
    }

    void close() {
        probes.close();
    }

    private void scheduleProbe(Backend backend, Down marked, long delayMillis) {
        vertx.setTimer(delayMillis, id -> probe(backend, marked, delayMillis));
    }

    private void probe(Backend backend, Down marked, long delayMillis) {
        if (down.get(backend) != marked) {
            return;
        }
        if (!stillRouted.test(backend)) {
            // Gone from every route (a deploy replaced it): nothing left to probe for.
            down.remove(backend, marked);
            return;
        }
        probes.connect(backend.port(), backend.host()).onComplete(connected -> {
            if (connected.succeeded()) {
                connected.result().close();
                if (down.remove(backend, marked)) {
                    LOG.infof("Backend %s accepts connections again; back in rotation", backend);
                }
            } else {
                scheduleProbe(backend, marked, Math.min(delayMillis * 2, MAX_PROBE_MILLIS));
            }
        });
    }

    private static final class Down {
    }
}
