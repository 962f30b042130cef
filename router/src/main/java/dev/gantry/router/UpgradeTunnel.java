package dev.gantry.router;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.NetSocket;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * A WebSocket (HTTP/1.1 Upgrade) passed through as raw bytes once the backend agrees to switch
 * protocols. The router does not parse frames; it only joins the two sockets.
 */
final class UpgradeTunnel implements InFlightRequest {

    private static final Logger LOG = Logger.getLogger(UpgradeTunnel.class);

    private final HttpServerRequest request;
    private final String app;
    private final Upstreams upstreams;
    private final String requestId;
    private final Context context;
    private Backend backend;
    private NetSocket clientSocket;
    private NetSocket backendSocket;
    private boolean finished;

    UpgradeTunnel(HttpServerRequest request, String app, Upstreams upstreams, String requestId) {
        this.request = request;
        this.app = app;
        this.upstreams = upstreams;
        this.requestId = requestId;
        this.context = Vertx.currentContext();
    }

    static boolean isWebSocketUpgrade(HttpServerRequest request) {
        return request.method() == HttpMethod.GET
                && ForwardedHeaders.hasToken(request.headers(), HttpHeaders.UPGRADE, "websocket")
                && ForwardedHeaders.hasToken(request.headers(), HttpHeaders.CONNECTION, "upgrade");
    }

    void start() {
        request.pause();
        request.response().closeHandler(v -> finish());
        backend = upstreams.selector().reserve(app, Set.of(), this);
        if (backend == null) {
            RouterResponses.error(request.response(), 503, "Service Unavailable", app + " has no running web instances",
                    requestId);
            return;
        }
        RequestOptions options = new RequestOptions()
                .setHost(backend.host())
                .setPort(backend.port())
                .setMethod(HttpMethod.GET)
                .setURI(request.uri());
        upstreams.client().request(options).onComplete(connected -> {
            if (connected.succeeded()) {
                upstreams.health().connected(backend);
                handshake(connected.result());
            } else {
                upstreams.health().connectFailed(backend, connected.cause());
                upstreams.metrics().forApp(app).connectFailed(backend);
                fail("refused the connection", connected.cause());
            }
        });
    }

    @Override
    public void drainStarted(Backend drained) {
        // Kept open until the drain's deadline (Gantry's rule, unlike kamal-proxy's close at once):
        // a socket that finishes its exchange in that time is never cut. Drains run in the
        // background after a rollout, so waiting costs no one anything.
    }

    @Override
    public void drainDeadlineReached(Backend drained) {
        context.runOnContext(v -> close());
    }

    @Override
    public String toString() {
        return "WebSocket " + request.authority() + request.uri() + " (" + app + ")";
    }

    private void handshake(HttpClientRequest upstream) {
        ForwardedHeaders.toBackendForUpgrade(request, upstream, requestId);
        // Closing either side of the tunnel also ends this request; that is how tunnels end.
        upstream.exceptionHandler(e -> LOG.debugf("%s: upstream ended with %s", this, e));
        upstream.connect().onComplete(answered -> {
            if (answered.failed()) {
                fail("failed during the upgrade", answered.cause());
            } else if (answered.result().statusCode() != 101) {
                // The app declined the upgrade: its answer goes back as an ordinary response.
                ResponseRelay.relay(answered.result(), request.response(), HttpMethod.GET)
                        .onFailure(e -> request.response().reset());
                request.response().endHandler(v -> finish());
            } else {
                join(answered.result());
            }
        });
    }

    private void join(HttpClientResponse switched) {
        backendSocket = switched.netSocket();
        request.response().setStatusCode(101);
        ForwardedHeaders.toClientForUpgrade(switched.headers(), request.response().headers());
        request.toNetSocket().onComplete(accepted -> {
            if (accepted.failed()) {
                LOG.warnf("%s: client upgrade failed (%s)", this, accepted.cause().toString());
                close();
                return;
            }
            clientSocket = accepted.result();
            if (finished) {
                close();
                return;
            }
            clientSocket.closeHandler(v -> close());
            backendSocket.closeHandler(v -> close());
            clientSocket.pipeTo(backendSocket);
            backendSocket.pipeTo(clientSocket);
        });
    }

    private void fail(String what, Throwable cause) {
        LOG.warnf("%s: %s %s (%s); answering 502", this, backend, what, cause.toString());
        RouterResponses.error(request.response(), 502, "Bad Gateway", app + " could not be reached", requestId);
        finish();
    }

    private void close() {
        if (clientSocket != null) {
            clientSocket.close();
        } else if (!request.response().headWritten()) {
            request.response().reset();
        }
        if (backendSocket != null) {
            backendSocket.close();
        }
        finish();
    }

    private void finish() {
        finished = true;
        if (backend != null) {
            upstreams.inFlight().remove(backend, this);
        }
    }
}
