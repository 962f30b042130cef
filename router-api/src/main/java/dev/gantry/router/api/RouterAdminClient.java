package dev.gantry.router.api;

import dev.gantry.service.ServiceClient;
import dev.gantry.service.ServiceProblem;
import dev.gantry.service.ServiceUnreachableException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;

/**
 * {@link RouteControl} for a router in its own process, through its local admin interface (the
 * router module's {@code RouterAdminServer}). Calls block on the network except {@link #drain}; use
 * worker threads.
 *
 * <p>A router that does not answer raises {@link RouterUnavailableException}; input the router refuses
 * (a hostname of another app, an invalid backend) raises {@link IllegalArgumentException} with the
 * router's message; anything else {@link IllegalStateException}.
 */
public final class RouterAdminClient implements RouteControl {

    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

    private final ServiceClient admin;
    private final Duration patience;

    /**
     * @param adminBase the admin interface, e.g. {@code http://127.0.0.1:8081}
     * @param token the contents of {@code GANTRY_HOME/router/admin-token}
     */
    public RouterAdminClient(URI adminBase, String token) {
        this(adminBase, token, null, Duration.ZERO);
    }

    /**
     * A router on another host over HTTPS, trusted by {@code tls} ({@link AdminTls#trusting}). Route
     * changes and reading the routes are sent again while it does not answer, up to {@code patience}:
     * they are idempotent, and so ride out the moment a handover closes the admin interface.
     */
    public RouterAdminClient(URI adminBase, String token, SSLContext tls, Duration patience) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("router admin token must not be blank");
        }
        this.admin = new ServiceClient(adminBase, token, tls);
        this.patience = patience;
    }

    /** The router on this host: {@code http://127.0.0.1:adminPort}, token read from {@code gantryHome}. */
    public static RouterAdminClient local(Path gantryHome, int adminPort) {
        return new RouterAdminClient(URI.create("http://127.0.0.1:" + adminPort),
                AdminToken.read(AdminToken.fileIn(gantryHome)));
    }

    @Override
    public Set<Backend> setRoute(AppRoute route) {
        AdminJson.Removed removed = ask("set the route of " + route.app(), () -> admin.call("PUT", routePath(route.app())).patience(patience)
                .body(AdminJson.RouteJson.of(route)).send(AdminJson.Removed.class));
        return new HashSet<>(AdminJson.BackendJson.read(removed.removed(), "removed"));
    }

    @Override
    public void setDefaultCertificate(TlsCertificate certificate) {
        ask("set the default certificate", () -> admin.call("PUT", "/admin/default-certificate").patience(patience)
                .body(AdminJson.CertificateJson.of(certificate)).send(Void.class));
    }

    @Override
    public CompletableFuture<Void> drain(Collection<Backend> backends, Duration timeout) {
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("drain timeout must not be negative, was " + timeout);
        }
        // The router answers once drained, which may take the whole timeout.
        return admin.call("POST", "/admin/drain")
                .body(new AdminJson.Drain(AdminJson.BackendJson.of(backends), timeout.toMillis()))
                .timeout(timeout.plus(CALL_TIMEOUT))
                .sendAsync(Void.class)
                .handle((drained, failure) -> {
                    if (failure != null) {
                        Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
                        throw cause instanceof RuntimeException e ? translated(e, "drain " + backends) : new CompletionException(cause);
                    }
                    return null;
                });
    }

    @Override
    public void removeRoute(String app) {
        ask("remove the route of " + app, () -> admin.call("DELETE", routePath(app)).patience(patience).send(Void.class));
    }

    @Override
    public Map<String, AppRoute> routes() {
        return AdminJson.routes(ask("list routes", () -> admin.call("GET", "/admin/routes").patience(patience).send(AdminJson.ROUTES)),
                "routes");
    }

    @Override
    public Map<String, AppStats> stats() {
        Map<String, AppStats> stats = new TreeMap<>();
        ask("read stats", () -> admin.call("GET", "/admin/stats").send(AdminJson.STATS))
                .forEach((app, json) -> stats.put(app, json.read()));
        return stats;
    }

    /** The router's own answer to {@code GET /admin/health}, e.g. to wait for it at start. */
    public AdminJson.Health health() {
        return ask("check health", () -> admin.call("GET", "/admin/health").send(AdminJson.Health.class));
    }

    /** The Prometheus text of {@code GET /metrics}. */
    public String metrics() {
        return ask("read metrics", () -> admin.call("GET", "/metrics").text());
    }

    private <T> T ask(String what, Supplier<T> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            throw translated(e, what);
        }
    }

    private RuntimeException translated(RuntimeException e, String what) {
        if (e instanceof ServiceUnreachableException) {
            Throwable cause = e.getCause();
            String detail = cause instanceof ConnectException || cause instanceof HttpConnectTimeoutException
                    ? "" : " (" + cause + ")";
            return new RouterUnavailableException("the router's admin interface at " + admin.base()
                    + " does not answer" + detail + ". Start the router (./gantry up) and retry", cause);
        }
        if (e instanceof ServiceProblem problem) {
            return switch (problem.status()) {
                case 400 -> new IllegalArgumentException(problem.detail());
                case 401 -> new IllegalStateException("the router at " + admin.base() + " refused the admin token: "
                        + problem.detail());
                default -> new IllegalStateException("the router at " + admin.base() + " could not " + what + " ("
                        + problem.status() + "): " + problem.detail());
            };
        }
        return e;
    }

    private static String routePath(String app) {
        if (app == null || app.isBlank()) {
            throw new IllegalArgumentException("route: app name must not be blank");
        }
        return "/admin/routes/" + ServiceClient.segment(app);
    }
}
