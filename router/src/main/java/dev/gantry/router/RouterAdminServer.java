package dev.gantry.router;

import dev.gantry.router.api.AppRoute;
import dev.gantry.router.api.AppStats;
import dev.gantry.router.api.Backend;
import dev.gantry.router.api.TlsCertificate;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * The router's local admin interface: the control plane changes routes through it when the router
 * runs as its own process. Bound to 127.0.0.1 only; every endpoint, {@code /metrics} included, needs
 * {@code Authorization: Bearer <token>} (401 otherwise).
 *
 * <pre>
 * GET    /admin/health         {"status":"up","port":8080,"routes":N}
 * GET    /admin/routes         {"app":{"hostnames":[..],"backends":[{"host":..,"port":..}]}}
 * PUT    /admin/routes/{app}   {"hostnames":[..],"backends":[..],"certificates":[{"certificate":PEM,"key":PEM}],
 *                               "redirectHttps":false} -> {"removed":[backends that left]}
 * PUT    /admin/default-certificate  {"certificate":PEM,"key":PEM} -> 204
 * DELETE /admin/routes/{app}   204
 * POST   /admin/drain          {"backends":[..],"timeoutMillis":N} -> {"drained":true} once drained
 * GET    /admin/stats          per app counters (see {@link AppStats})
 * GET    /metrics              Prometheus text format
 * </pre>
 *
 * Invalid input and hostname conflicts answer 400 {@code {"error": "..."}} and change nothing.
 */
public final class RouterAdminServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(RouterAdminServer.class);
    static final String BIND_HOST = "127.0.0.1";
    private static final int MAX_BODY_BYTES = 1 << 20;
    private static final String ROUTES = "/admin/routes";

    private final Vertx vertx;
    private final Router router;
    private final byte[] expectedAuthorization;
    private final int requestedPort;
    private HttpServer server;

    public RouterAdminServer(Vertx vertx, Router router, String token, int port) {
        this.vertx = Objects.requireNonNull(vertx, "vertx");
        this.router = Objects.requireNonNull(router, "router");
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("router admin token must not be blank");
        }
        this.expectedAuthorization = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
        this.requestedPort = port;
    }

    /** Binds 127.0.0.1; blocks until it accepts connections. */
    public synchronized void start() {
        HttpServer created = vertx.createHttpServer(new HttpServerOptions().setHost(BIND_HOST).setPort(requestedPort))
                .requestHandler(this::handle);
        try {
            created.listen().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Router admin interface could not listen on " + BIND_HOST + ":"
                    + requestedPort + ": " + e.getCause().getMessage(), e.getCause());
        } catch (Exception e) {
            throw new IllegalStateException("Router admin interface could not listen on " + BIND_HOST + ":" + requestedPort, e);
        }
        server = created;
    }

    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException("Router admin interface not started");
        }
        return server.actualPort();
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            try {
                server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.warnf("Router admin interface did not close cleanly: %s", e.toString());
            }
            server = null;
        }
    }

    private void handle(HttpServerRequest request) {
        if (!authorized(request.getHeader(HttpHeaders.AUTHORIZATION))) {
            request.response().putHeader("WWW-Authenticate", "Bearer");
            error(request, 401, "missing or wrong admin token: send Authorization: Bearer <the token in GANTRY_HOME/router/admin-token>");
            return;
        }
        String path = request.path();
        HttpMethod method = request.method();
        if (path.equals("/metrics") && method == HttpMethod.GET) {
            request.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8")
                    .end(router.prometheusMetrics());
        } else if (path.equals("/admin/health") && method == HttpMethod.GET) {
            json(request, 200, new JsonObject().put("status", "up").put("port", router.port())
                    .put("routes", router.routes().size()));
        } else if (path.equals(ROUTES) && method == HttpMethod.GET) {
            json(request, 200, AdminJson.routes(router.routes()));
        } else if (path.equals("/admin/stats") && method == HttpMethod.GET) {
            json(request, 200, AdminJson.stats(router.stats()));
        } else if (path.equals("/admin/drain") && method == HttpMethod.POST) {
            withBody(request, body -> drain(request, body));
        } else if (path.equals("/admin/default-certificate") && method == HttpMethod.PUT) {
            withBody(request, body -> setDefaultCertificate(request, body));
        } else if (path.startsWith(ROUTES + "/") && method == HttpMethod.PUT) {
            String app = appOf(path);
            withBody(request, body -> setRoute(request, app, body));
        } else if (path.startsWith(ROUTES + "/") && method == HttpMethod.DELETE) {
            String app = appOf(path);
            vertx.executeBlocking(() -> {
                router.removeRoute(app);
                return null;
            }, true).onComplete(done -> {
                if (done.succeeded()) {
                    request.response().setStatusCode(204).end();
                } else {
                    failed(request, done.cause());
                }
            });
        } else {
            error(request, 404, "no admin endpoint " + method + " " + path);
        }
    }

    private void setRoute(HttpServerRequest request, String app, JsonObject body) {
        AppRoute route = AdminJson.route(app, body);
        // The state file is written before the route serves: off the event loop, one change at a time.
        vertx.executeBlocking(() -> router.setRoute(route), true).onComplete(done -> {
            if (done.succeeded()) {
                json(request, 200, new JsonObject().put("removed", AdminJson.backends(done.result())));
            } else {
                failed(request, done.cause());
            }
        });
    }

    private void setDefaultCertificate(HttpServerRequest request, JsonObject body) {
        TlsCertificate certificate = AdminJson.certificate(body, "defaultCertificate");
        vertx.executeBlocking(() -> {
            router.setDefaultCertificate(certificate);
            return null;
        }, true).onComplete(done -> {
            if (done.succeeded()) {
                request.response().setStatusCode(204).end();
            } else {
                failed(request, done.cause());
            }
        });
    }

    private void drain(HttpServerRequest request, JsonObject body) {
        List<Backend> backends = AdminJson.backends(body.getValue("backends"), "backends");
        Object timeout = body.getValue("timeoutMillis");
        if (!(timeout instanceof Number millis) || millis.longValue() < 0) {
            throw new IllegalArgumentException("timeoutMillis: must be a whole number >= 0, was " + timeout);
        }
        // Answers once drained: the caller's request stays open as long as the drain does.
        router.drain(backends, Duration.ofMillis(millis.longValue())).whenComplete((v, e) -> {
            if (e == null) {
                json(request, 200, new JsonObject().put("drained", true));
            } else {
                failed(request, e);
            }
        });
    }

    private void withBody(HttpServerRequest request, Consumer<JsonObject> then) {
        Buffer body = Buffer.buffer();
        boolean[] tooLarge = {false};
        request.handler(chunk -> {
            if (!tooLarge[0] && body.length() + chunk.length() > MAX_BODY_BYTES) {
                tooLarge[0] = true;
                error(request, 413, "request body over " + MAX_BODY_BYTES + " bytes");
            } else if (!tooLarge[0]) {
                body.appendBuffer(chunk);
            }
        });
        request.endHandler(v -> {
            if (tooLarge[0]) {
                return;
            }
            try {
                JsonObject json = body.length() == 0 ? null : new JsonObject(body);
                if (json == null) {
                    throw new IllegalArgumentException("request body: a JSON object is required");
                }
                then.accept(json);
            } catch (DecodeException e) {
                error(request, 400, "request body: not a JSON object (" + e.getMessage() + ")");
            } catch (IllegalArgumentException e) {
                error(request, 400, e.getMessage());
            }
        });
    }

    private void failed(HttpServerRequest request, Throwable cause) {
        if (cause instanceof IllegalArgumentException) {
            error(request, 400, cause.getMessage());
        } else {
            LOG.errorf(cause, "Router admin %s %s failed", request.method(), request.path());
            error(request, 500, cause instanceof UncheckedIOException ? cause.getMessage() : cause.toString());
        }
    }

    private boolean authorized(String authorization) {
        // Constant time: the comparison does not reveal how much of a guess was right.
        return authorization != null
                && MessageDigest.isEqual(expectedAuthorization, authorization.getBytes(StandardCharsets.UTF_8));
    }

    private static String appOf(String path) {
        return URLDecoder.decode(path.substring(ROUTES.length() + 1), StandardCharsets.UTF_8);
    }

    private static void json(HttpServerRequest request, int status, JsonObject body) {
        if (!request.response().ended()) {
            request.response().setStatusCode(status)
                    .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .end(body.encode());
        }
    }

    private static void error(HttpServerRequest request, int status, String message) {
        json(request, status, new JsonObject().put("error", message));
    }
}
