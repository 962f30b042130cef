package dev.gantry.router;

import java.time.Duration;
import java.util.Objects;

/**
 * How the router listens and talks to backends.
 *
 * @param bindHost address to listen on
 * @param port port to listen on; 0 picks a free one (see {@link Router#port()})
 * @param connectTimeout how long to wait for a backend to accept a connection before trying the next one
 * @param backendIdleTimeout how long a backend may stay silent in the middle of a response before the
 *     router gives up with 504
 * @param maxConnectionsPerBackend size of the keep-alive pool to each backend
 */
public record RouterOptions(
        String bindHost,
        int port,
        Duration connectTimeout,
        Duration backendIdleTimeout,
        int maxConnectionsPerBackend) {

    public RouterOptions {
        Objects.requireNonNull(bindHost, "bindHost");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(backendIdleTimeout, "backendIdleTimeout");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("router port: must be 0..65535, was " + port);
        }
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("router connectTimeout: must be positive, was " + connectTimeout);
        }
        if (backendIdleTimeout.isNegative() || backendIdleTimeout.isZero()) {
            throw new IllegalArgumentException("router backendIdleTimeout: must be positive, was " + backendIdleTimeout);
        }
        if (maxConnectionsPerBackend < 1) {
            throw new IllegalArgumentException(
                    "router maxConnectionsPerBackend: must be >= 1, was " + maxConnectionsPerBackend);
        }
    }

    /** All interfaces, port 8080; the idle timeout matches nginx's proxy_read_timeout. */
    public static RouterOptions defaults() {
        return new RouterOptions("0.0.0.0", 8080, Duration.ofSeconds(5), Duration.ofSeconds(60), 100);
    }

    public RouterOptions withBindHost(String bindHost) {
        return new RouterOptions(bindHost, port, connectTimeout, backendIdleTimeout, maxConnectionsPerBackend);
    }

    public RouterOptions withPort(int port) {
        return new RouterOptions(bindHost, port, connectTimeout, backendIdleTimeout, maxConnectionsPerBackend);
    }

    public RouterOptions withBackendIdleTimeout(Duration backendIdleTimeout) {
        return new RouterOptions(bindHost, port, connectTimeout, backendIdleTimeout, maxConnectionsPerBackend);
    }
}
