package dev.gantry.router;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.streams.Pipe;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * One HTTP request through the router: pick a backend, stream the request to it and its response
 * back. Runs on the client connection's event loop; drain callbacks hop onto it.
 */
final class ProxyExchange implements InFlightRequest {

    private static final Logger LOG = Logger.getLogger(ProxyExchange.class);

    // Nothing was sent when a connect fails, yet like nginx's proxy_next_upstream the router moves on
    // only with methods a client may repeat (RFC 9110 9.2.2).
    private static final Set<HttpMethod> RETRYABLE = Set.of(
            HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.PUT, HttpMethod.DELETE);

    private final HttpServerRequest request;
    private final HttpServerResponse response;
    private final String app;
    private final Upstreams upstreams;
    private final Context context;
    private final Set<Backend> tried = new HashSet<>();
    private Backend backend;
    private HttpClientRequest upstream;

    ProxyExchange(HttpServerRequest request, String app, Upstreams upstreams) {
        this.request = request;
        this.response = request.response();
        this.app = app;
        this.upstreams = upstreams;
        this.context = Vertx.currentContext();
    }

    void start() {
        // Hold the body until a backend is connected; it is then piped with backpressure.
        request.pause();
        response.endHandler(v -> finish());
        response.closeHandler(v -> clientGone());
        tryNextBackend();
    }

    @Override
    public void drainStarted(Backend drained) {
        // Plain requests are short: let them finish on the old backend.
    }

    @Override
    public void drainDeadlineReached(Backend drained) {
        context.runOnContext(v -> {
            // A request that moved on to another backend (after a refused connection) is not ended.
            if (answered() || !drained.equals(backend)) {
                return;
            }
            if (!RouterResponses.error(response, 504, "Gateway Timeout",
                    app + " did not answer before its instance was drained")) {
                response.reset();
            }
            resetUpstream();
            finish();
        });
    }

    @Override
    public String toString() {
        return request.method() + " " + request.authority() + request.uri() + " (" + app + ")";
    }

    private void tryNextBackend() {
        backend = upstreams.selector().reserve(app, tried, this);
        if (backend == null) {
            if (tried.isEmpty()) {
                RouterResponses.error(response, 503, "Service Unavailable", app + " has no running web instances");
            } else {
                LOG.warnf("%s: no backend of %s accepted a connection (tried %s); answering 502", this, app, tried);
                RouterResponses.error(response, 502, "Bad Gateway", app + " could not be reached");
            }
            return;
        }
        tried.add(backend);
        Backend target = backend;
        upstreams.client().request(requestTo(target)).onComplete(connected -> {
            if (connected.succeeded()) {
                forward(connected.result());
            } else {
                connectFailed(target, connected.cause());
            }
        });
    }

    private RequestOptions requestTo(Backend target) {
        return new RequestOptions()
                .setHost(target.host())
                .setPort(target.port())
                .setMethod(request.method())
                .setURI(request.uri());
    }

    private void connectFailed(Backend target, Throwable cause) {
        upstreams.inFlight().remove(target, this);
        if (answered()) {
            return;
        }
        if (RETRYABLE.contains(request.method())) {
            LOG.debugf("%s: %s refused the connection (%s); trying the next backend", this, target, cause.getMessage());
            tryNextBackend();
        } else {
            LOG.warnf("%s: %s refused the connection (%s); answering 502", this, target, cause.getMessage());
            RouterResponses.error(response, 502, "Bad Gateway", app + " could not be reached");
        }
    }

    private void forward(HttpClientRequest connected) {
        upstream = connected;
        if (answered()) {
            // Ended at a drain deadline or by the client while the connection was being made.
            resetUpstream();
            return;
        }
        ForwardedHeaders.toBackend(request, upstream);
        upstream.exceptionHandler(e -> LOG.debugf("%s: upstream request ended with %s", this, e));
        upstream.response().onComplete(answer -> {
            if (answer.succeeded()) {
                relay(answer.result());
            } else {
                backendFailed(answer.cause());
            }
        });
        Pipe<Buffer> body = request.pipe();
        body.endOnFailure(false);
        // The idle clock starts once the body is sent: a long upload is not an idle backend.
        body.to(upstream)
                .onSuccess(v -> upstream.idleTimeout(upstreams.idleTimeoutMillis()))
                .onFailure(e -> resetUpstream());
    }

    private void relay(HttpClientResponse answer) {
        if (answered()) {
            resetUpstream();
            return;
        }
        ResponseRelay.relay(answer, response, request.method()).onFailure(this::backendFailed);
    }

    private void backendFailed(Throwable cause) {
        if (answered()) {
            return;
        }
        LOG.warnf("%s: %s failed mid-request (%s)", this, backend, cause.toString());
        boolean sent = cause instanceof TimeoutException
                ? RouterResponses.error(response, 504, "Gateway Timeout", app + " did not answer in time")
                : RouterResponses.error(response, 502, "Bad Gateway", app + " closed the connection without a full answer");
        if (!sent) {
            // Part of the response is already out: a reset tells the client it is incomplete.
            response.reset();
        }
        resetUpstream();
    }

    private void clientGone() {
        resetUpstream();
        finish();
    }

    private void finish() {
        if (backend != null) {
            upstreams.inFlight().remove(backend, this);
        }
    }

    private void resetUpstream() {
        if (upstream != null) {
            upstream.reset();
        }
    }

    private boolean answered() {
        return response.ended() || response.closed();
    }
}
