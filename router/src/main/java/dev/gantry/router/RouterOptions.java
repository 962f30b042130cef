package dev.gantry.router;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How the router listens and talks to backends.
 *
 * @param bindHost address to listen on
 * @param port port to listen on; 0 picks a free one (see {@link Router#port()})
 * @param httpsPort port for HTTPS, with each route's certificates chosen by SNI; -1 serves no HTTPS,
 *     0 picks a free port (see {@link Router#httpsPort()})
 * @param connectTimeout how long to wait for a backend to accept a connection before trying the next one
 * @param backendIdleTimeout how long a backend may stay silent in the middle of a response before the
 *     router gives up with 504
 * @param maxConnectionsPerBackend size of the keep-alive pool to each backend, per listener
 * @param listeners how many event loops accept and proxy connections; each has its own backend pool
 * @param stateFile where the route table is saved after every change and loaded from at start;
 *     null keeps it in memory only
 * @param reusePort bind with SO_REUSEPORT, so that a successor router can listen on the same port
 *     before this one stops (needs a Vert.x from {@link HandoverTransport#vertx}; ignored on others)
 */
public record RouterOptions(
        String bindHost,
        int port,
        int httpsPort,
        Duration connectTimeout,
        Duration backendIdleTimeout,
        int maxConnectionsPerBackend,
        int listeners,
        Path stateFile,
        boolean reusePort) {

    public RouterOptions {
        Objects.requireNonNull(bindHost, "bindHost");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(backendIdleTimeout, "backendIdleTimeout");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("router port: must be 0..65535, was " + port);
        }
        if (httpsPort < -1 || httpsPort > 65535) {
            throw new IllegalArgumentException("router httpsPort: must be 0..65535, or -1 for no HTTPS, was " + httpsPort);
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
        if (listeners < 1) {
            throw new IllegalArgumentException("router listeners: must be >= 1, was " + listeners);
        }
    }

    /** No HTTPS, one listener per core, no state file, no SO_REUSEPORT. */
    public RouterOptions(String bindHost, int port, Duration connectTimeout, Duration backendIdleTimeout,
            int maxConnectionsPerBackend) {
        this(bindHost, port, -1, connectTimeout, backendIdleTimeout, maxConnectionsPerBackend, defaultListeners(), null, false);
    }

    /**
     * All interfaces, port 8080, no HTTPS, one listener per core, no state file, no SO_REUSEPORT; the idle timeout matches
     * nginx's proxy_read_timeout.
     */
    public static RouterOptions defaults() {
        return new RouterOptions("0.0.0.0", 8080, Duration.ofSeconds(5), Duration.ofSeconds(60), 100);
    }

    public RouterOptions withBindHost(String bindHost) {
        return new RouterOptions(bindHost, port, httpsPort, connectTimeout, backendIdleTimeout, maxConnectionsPerBackend, listeners, stateFile, reusePort);
    }

    public RouterOptions withPort(int port) {
        return new RouterOptions(bindHost, port, httpsPort, connectTimeout, backendIdleTimeout, maxConnectionsPerBackend, listeners, stateFile, reusePort);
    }

    public RouterOptions withHttpsPort(int httpsPort) {
        return new RouterOptions(bindHost, port, httpsPort, connectTimeout, backendIdleTimeout, maxConnectionsPerBackend, listeners, stateFile, reusePort);
    }

    public RouterOptions withConnectTimeout(Duration connectTimeout) {
        return new RouterOptions(bindHost, port, httpsPort, connectTimeout, backendIdleTimeout, maxConnectionsPerBackend, listeners, stateFile, reusePort);
    }

    public RouterOptions withBackendIdleTimeout(Duration backendIdleTimeout) {
        return new RouterOptions(bindHost, port, httpsPort, connectTimeout, backendIdleTimeout, maxConnectionsPerBackend, listeners, stateFile, reusePort);
    }

    public RouterOptions withListeners(int listeners) {
        return new RouterOptions(bindHost, port, httpsPort, connectTimeout, backendIdleTimeout, maxConnectionsPerBackend, listeners, stateFile, reusePort);
    }

    public RouterOptions withStateFile(Path stateFile) {
        return new RouterOptions(bindHost, port, httpsPort, connectTimeout, backendIdleTimeout, maxConnectionsPerBackend, listeners, stateFile, reusePort);
    }

    public RouterOptions withReusePort(boolean reusePort) {
        return new RouterOptions(bindHost, port, httpsPort, connectTimeout, backendIdleTimeout, maxConnectionsPerBackend, listeners, stateFile, reusePort);
    }

    private static int defaultListeners() {
        return Runtime.getRuntime().availableProcessors();
    }
}
