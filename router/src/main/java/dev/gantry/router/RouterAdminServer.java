package dev.gantry.router;

import dev.gantry.router.api.AdminJson;
import dev.gantry.router.api.AdminTls;
import dev.gantry.router.api.AppRoute;
import dev.gantry.router.api.Backend;
import dev.gantry.router.api.TlsCertificate;
import dev.gantry.service.Endpoints;
import dev.gantry.service.ServiceRequest;
import dev.gantry.service.ServiceResponse;
import dev.gantry.service.ServiceServer;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import javax.net.ssl.SSLContext;

/**
 * The router's admin interface: the control plane changes routes through it when the router runs as
 * its own process ({@code RouterAdminClient} is its other end). Bound to 127.0.0.1 on the control
 * host; on a router host of its own, to an address the control host reaches, over TLS ({@link AdminTls}).
 * Every endpoint, {@code /metrics} included, needs {@code Authorization: Bearer <token>} (401 otherwise).
 *
 * <pre>
 * GET    /admin/health         {"status":"up","port":8080,"routes":N}
 * GET    /admin/routes         {"app":{"hostnames":[..],"backends":[{"host":..,"port":..}]}}
 * PUT    /admin/routes/{app}   {"hostnames":[..],"backends":[..],"certificates":[{"certificate":PEM,"key":PEM}],
 *                               "redirectHttps":false} -> {"removed":[backends that left]}
 * PUT    /admin/default-certificate  {"certificate":PEM,"key":PEM} -> 204
 * DELETE /admin/routes/{app}   204
 * POST   /admin/drain          {"backends":[..],"timeoutMillis":N} -> {"drained":true} once drained
 * GET    /admin/stats          per app counters (see {@code AppStats})
 * GET    /metrics              Prometheus text format
 * </pre>
 *
 * The JSON is {@link AdminJson}'s. Invalid input and hostname conflicts answer 400 problem details
 * naming what was wrong, and change nothing.
 */
public final class RouterAdminServer implements AutoCloseable {

    static final String LOOPBACK = "127.0.0.1";
    private static final String TOKEN_HINT =
            "missing or wrong admin token: send Authorization: Bearer <the token in GANTRY_HOME/router/admin-token>";

    private final Router router;
    private final String token;
    private final String bindHost;
    private final int requestedPort;
    private final SSLContext tls;
    private ServiceServer server;

    /** On 127.0.0.1, plain HTTP. */
    public RouterAdminServer(Router router, String token, int port) {
        this(router, token, LOOPBACK, port, null);
    }

    /** On {@code bindHost}; HTTPS with {@code tls} (null: plain HTTP, which only loopback may be served with). */
    public RouterAdminServer(Router router, String token, String bindHost, int port, SSLContext tls) {
        if (tls == null && !isLoopback(bindHost)) {
            throw new IllegalArgumentException("the router's admin interface would send its token in the clear on "
                    + bindHost + ": put the certificate the control host issued for this router in "
                    + AdminTls.CERTIFICATE + " and " + AdminTls.KEY + " under GANTRY_HOME/router (the playbook copies them),"
                    + " or bind it to 127.0.0.1");
        }
        this.bindHost = bindHost;
        this.tls = tls;
        this.router = Objects.requireNonNull(router, "router");
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("router admin token must not be blank");
        }
        this.token = token;
        this.requestedPort = port;
    }

    /** Binds its address and accepts connections from then on. */
    public synchronized void start() {
        try {
            ServiceServer.Builder builder = ServiceServer.builder("router-admin", endpoints(), token, TOKEN_HINT);
            if (tls != null) {
                builder.tls(tls);
            }
            server = builder.start(bindHost, requestedPort);
        } catch (IOException e) {
            throw new IllegalStateException("Router admin interface could not listen on " + bindHost + ":"
                    + requestedPort + ": " + e.getMessage(), e);
        }
    }

    /** Where it listens, as the log names it: {@code 127.0.0.1:8081}, {@code 10.0.0.12:8081 over HTTPS}. */
    public synchronized String address() {
        return bindHost + ":" + port() + (tls != null ? " over HTTPS" : "");
    }

    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException("Router admin interface not started");
        }
        return server.port();
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    private static boolean isLoopback(String host) {
        return host.startsWith("127.") || host.equals("::1") || host.equals("localhost");
    }

    // Handlers run on the server's worker threads, never an event loop: a route change writes the
    // state file before it serves.
    private Endpoints endpoints() {
        return Endpoints.builder()
                .get("/metrics", request -> ServiceResponse.text("text/plain; version=0.0.4; charset=utf-8",
                        router.prometheusMetrics()))
                .get("/admin/health", request -> ServiceResponse.json(
                        new AdminJson.Health("up", router.port(), router.routes().size())))
                .get("/admin/routes", request -> ServiceResponse.json(AdminJson.routes(router.routes())))
                .get("/admin/stats", request -> ServiceResponse.json(AdminJson.stats(router.stats())))
                .post("/admin/drain", this::drain)
                .put("/admin/default-certificate", this::setDefaultCertificate)
                .put("/admin/routes/{app}", this::setRoute)
                .delete("/admin/routes/{app}", request -> {
                    router.removeRoute(request.parameter("app"));
                    return ServiceResponse.noContent();
                })
                .build();
    }

    private ServiceResponse setRoute(ServiceRequest request) {
        String app = request.parameter("app");
        AppRoute route = request.body(AdminJson.RouteJson.class).read(app);
        return ServiceResponse.json(new AdminJson.Removed(AdminJson.BackendJson.of(router.setRoute(route))));
    }

    private ServiceResponse setDefaultCertificate(ServiceRequest request) {
        TlsCertificate certificate = AdminJson.CertificateJson.read(request.body(AdminJson.CertificateJson.class),
                "defaultCertificate");
        router.setDefaultCertificate(certificate);
        return ServiceResponse.noContent();
    }

    /** Answers once drained: the caller's request stays open as long as the drain does. */
    private ServiceResponse drain(ServiceRequest request) {
        AdminJson.Drain drain = request.body(AdminJson.Drain.class);
        List<Backend> backends = AdminJson.BackendJson.read(drain.backends(), "backends");
        try {
            router.drain(backends, drain.timeout()).get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the admin interface closed while draining " + backends, e);
        }
        return ServiceResponse.json(new AdminJson.Drained(true));
    }
}
