package dev.gantry.router;

import dev.gantry.router.api.AdminToken;
import dev.gantry.router.api.AppRoute;
import dev.gantry.router.api.AppStats;
import dev.gantry.router.api.Backend;
import dev.gantry.router.api.RouteControl;
import dev.gantry.router.api.RouterUnavailableException;
import dev.gantry.router.api.TlsCertificate;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * {@link RouteControl} for a router in its own process, through its local admin interface
 * ({@link RouterAdminServer}). Calls block on the network except {@link #drain}; use worker threads.
 *
 * <p>A router that does not answer raises {@link RouterUnavailableException}; input the router refuses
 * (a hostname of another app, an invalid backend) raises {@link IllegalArgumentException} with the
 * router's message; anything else {@link IllegalStateException}.
 */
public final class RouterAdminClient implements RouteControl {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

    private final String base;
    private final String authorization;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(CONNECT_TIMEOUT)
            .build();

    /**
     * @param adminBase the admin interface, e.g. {@code http://127.0.0.1:8081}
     * @param token the contents of {@code GANTRY_HOME/router/admin-token}
     */
    public RouterAdminClient(URI adminBase, String token) {
        String text = Objects.requireNonNull(adminBase, "adminBase").toString();
        this.base = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("router admin token must not be blank");
        }
        this.authorization = "Bearer " + token.trim();
    }

    /** The router on this host: {@code http://127.0.0.1:adminPort}, token read from {@code gantryHome}. */
    public static RouterAdminClient local(Path gantryHome, int adminPort) {
        return new RouterAdminClient(URI.create("http://127.0.0.1:" + adminPort),
                AdminToken.read(AdminToken.fileIn(gantryHome)));
    }

    @Override
    public Set<Backend> setRoute(AppRoute route) {
        JsonObject answer = call(request(routePath(route.app())).PUT(json(AdminJson.route(route))),
                "set the route of " + route.app());
        return new HashSet<>(AdminJson.backends(answer.getValue("removed"), "removed"));
    }

    @Override
    public void setDefaultCertificate(TlsCertificate certificate) {
        call(request("/admin/default-certificate").PUT(json(AdminJson.certificate(certificate))),
                "set the default certificate");
    }

    @Override
    public CompletableFuture<Void> drain(Collection<Backend> backends, Duration timeout) {
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("drain timeout must not be negative, was " + timeout);
        }
        JsonObject body = new JsonObject()
                .put("backends", AdminJson.backends(backends))
                .put("timeoutMillis", timeout.toMillis());
        // The router answers once drained, which may take the whole timeout.
        HttpRequest request = request("/admin/drain").timeout(timeout.plus(CALL_TIMEOUT)).POST(json(body)).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .handle((response, failure) -> {
                    if (failure != null) {
                        throw unavailable(failure instanceof CompletionException ? failure.getCause() : failure);
                    }
                    check(response, "drain " + backends);
                    return null;
                });
    }

    @Override
    public void removeRoute(String app) {
        call(request(routePath(app)).DELETE(), "remove the route of " + app);
    }

    @Override
    public Map<String, AppRoute> routes() {
        return AdminJson.routes(call(request("/admin/routes").GET(), "list routes"));
    }

    @Override
    public Map<String, AppStats> stats() {
        return AdminJson.stats(call(request("/admin/stats").GET(), "read stats"));
    }

    /** The router's own answer to {@code GET /admin/health}, e.g. to wait for it at start. */
    public JsonObject health() {
        return call(request("/admin/health").GET(), "check health");
    }

    /** The Prometheus text of {@code GET /metrics}. */
    public String metrics() {
        try {
            HttpResponse<String> response = http.send(request("/metrics").GET().build(), HttpResponse.BodyHandlers.ofString());
            check(response, "read metrics");
            return response.body();
        } catch (IOException e) {
            throw unavailable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the router's metrics", e);
        }
    }

    private JsonObject call(HttpRequest.Builder request, String what) {
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw unavailable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking the router to " + what, e);
        }
        check(response, what);
        return response.body().isEmpty() ? new JsonObject() : new JsonObject(response.body());
    }

    private void check(HttpResponse<String> response, String what) {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return;
        }
        String message = messageOf(response.body());
        if (status == 400) {
            throw new IllegalArgumentException(message);
        }
        if (status == 401) {
            throw new IllegalStateException("the router at " + base + " refused the admin token: " + message);
        }
        throw new IllegalStateException("the router at " + base + " could not " + what + " (" + status + "): " + message);
    }

    private RouterUnavailableException unavailable(Throwable cause) {
        String detail = cause instanceof ConnectException || cause instanceof HttpConnectTimeoutException
                ? "" : " (" + cause + ")";
        return new RouterUnavailableException("the router's admin interface at " + base
                + " does not answer" + detail + ". Start the router (./gantry up) and retry", cause);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path))
                .timeout(CALL_TIMEOUT)
                .header("Authorization", authorization)
                .header("Content-Type", "application/json");
    }

    private static String routePath(String app) {
        if (app == null || app.isBlank()) {
            throw new IllegalArgumentException("route: app name must not be blank");
        }
        return "/admin/routes/" + URLEncoder.encode(app, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static HttpRequest.BodyPublisher json(JsonObject body) {
        return HttpRequest.BodyPublishers.ofString(body.encode());
    }

    private static String messageOf(String body) {
        try {
            String error = new JsonObject(body).getString("error");
            return error != null ? error : body;
        } catch (DecodeException | ClassCastException e) {
            return body;
        }
    }
}
