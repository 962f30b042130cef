package dev.gantry.router;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
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
    private static final Logger ACCESS = Logger.getLogger("dev.gantry.router.access");
    // nginx's code for "the client closed the connection before the response was complete".
    private static final int CLIENT_CLOSED = 499;

    // When a connect fails, or a backend closes the connection before answering a request without a
    // body, like nginx's proxy_next_upstream the router moves on, and only with methods a client may
    // repeat (RFC 9110 9.2.2).
    private static final Set<HttpMethod> RETRYABLE = Set.of(
            HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.PUT, HttpMethod.DELETE);

    private final HttpServerRequest request;
    private final HttpServerResponse response;
    private final String app;
    private final Upstreams upstreams;
    private final AppMetrics metrics;
    private final String requestId;
    private final Context context;
    private final long startNanos = System.nanoTime();
    private final Set<Backend> tried = new HashSet<>(4);
    private Backend backend;
    private HttpClientRequest upstream;
    private boolean routerError;
    private boolean accounted;

    ProxyExchange(HttpServerRequest request, String app, Upstreams upstreams, String requestId) {
        this.request = request;
        this.response = request.response();
        this.app = app;
        this.upstreams = upstreams;
        this.metrics = upstreams.metrics().forApp(app);
        this.requestId = requestId;
        this.context = Vertx.currentContext();
    }

    void start() {
        // Hold the body until a backend is connected; it is then piped with backpressure.
        request.pause();
        metrics.started();
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
            if (!error(504, "Gateway Timeout", app + " did not answer before its instance was drained")) {
                response.reset();
            }
            resetUpstream();
            finish();
        });
    }

    @Override
    public String toString() {
        return request.method() + " " + request.authority() + request.uri() + " (" + app + ", " + requestId + ")";
    }

    private void tryNextBackend() {
        backend = upstreams.selector().reserve(app, tried, this);
        if (backend == null) {
            if (tried.isEmpty()) {
                error(503, "Service Unavailable", app + " has no running web instances");
            } else {
                LOG.warnf("%s: no backend of %s accepted a connection (tried %s); answering 502", this, app, tried);
                error(502, "Bad Gateway", app + " could not be reached");
            }
            return;
        }
        tried.add(backend);
        Backend target = backend;
        upstreams.client().request(requestTo(target)).onComplete(connected -> {
            if (connected.succeeded()) {
                upstreams.health().connected(target);
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
        upstreams.health().connectFailed(target, cause);
        metrics.connectFailed(target);
        if (answered()) {
            finish();
            return;
        }
        if (RETRYABLE.contains(request.method())) {
            LOG.debugf("%s: %s refused the connection (%s); trying the next backend", this, target, cause.getMessage());
            tryNextBackend();
        } else {
            LOG.warnf("%s: %s refused the connection (%s); answering 502", this, target, cause.getMessage());
            error(502, "Bad Gateway", app + " could not be reached");
        }
    }

    private void forward(HttpClientRequest connected) {
        upstream = connected;
        upstream.exceptionHandler(e -> LOG.debugf("%s: upstream request ended with %s", this, e));
        if (answered()) {
            // Ended at a drain deadline or by the client while the connection was being made.
            resetUpstream();
            finish();
            return;
        }
        ForwardedHeaders.toBackend(request, upstream, requestId);
        upstream.response().onComplete(answer -> {
            if (answer.succeeded()) {
                relay(answer.result());
            } else {
                backendFailed(answer.cause());
            }
        });
        if (hasNoBody(request)) {
            // Most requests: nothing to stream, so the head goes out in one write, without a pipe.
            request.resume();
            upstream.end().onSuccess(v -> upstream.idleTimeout(upstreams.idleTimeoutMillis()));
            return;
        }
        Pipe<Buffer> body = request.pipe();
        body.endOnFailure(false);
        // The idle clock starts once the body is sent: a long upload is not an idle backend.
        body.to(upstream)
                .onSuccess(v -> upstream.idleTimeout(upstreams.idleTimeoutMillis()))
                .onFailure(e -> resetUpstream());
    }

    private static boolean hasNoBody(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        return (length == null || length.equals("0")) && !request.headers().contains(HttpHeaders.TRANSFER_ENCODING);
    }

    private void relay(HttpClientResponse answer) {
        if (answered()) {
            resetUpstream();
            finish();
            return;
        }
        if (answer.statusCode() >= 500) {
            metrics.backend5xx(backend);
        }
        ResponseRelay.relay(answer, response, request.method()).onFailure(this::backendFailed);
    }

    private void backendFailed(Throwable cause) {
        if (answered()) {
            resetUpstream();
            finish();
            return;
        }
        if (response.headWritten()) {
            // The body was under way and one side broke off, most often a client that left: the reset
            // tells the client (if still there) that the response is incomplete; the access log has it.
            LOG.debugf("%s: relay from %s broke off (%s)", this, backend, cause);
            response.reset();
        } else if (mayRetryElsewhere(cause)) {
            // The backend closed the connection before any answer (an instance that was killed, or a
            // pooled connection that went stale): the request had no body, so it goes out again whole.
            LOG.debugf("%s: %s closed the connection before answering (%s); trying the next backend", this,
                    backend, cause);
            // Not counted against its health: a healthy backend also closes idle pooled connections.
            upstreams.inFlight().remove(backend, this);
            upstream = null;
            tryNextBackend();
            return;
        } else {
            LOG.warnf("%s: %s failed mid-request (%s)", this, backend, cause.toString());
            if (cause instanceof TimeoutException) {
                error(504, "Gateway Timeout", app + " did not answer in time");
            } else {
                error(502, "Bad Gateway", app + " closed the connection without a full answer");
            }
        }
        resetUpstream();
        // Whichever way the response ended, it is no longer in flight (reset may not report a close).
        finish();
    }

    private boolean mayRetryElsewhere(Throwable cause) {
        return !(cause instanceof TimeoutException) && RETRYABLE.contains(request.method()) && hasNoBody(request);
    }

    private boolean error(int status, String reason, String message) {
        // Set before writing: ending the response runs finish(), which accounts for it.
        boolean before = routerError;
        routerError = true;
        boolean sent = RouterResponses.error(response, status, reason, message, requestId);
        routerError = before || sent;
        return sent;
    }

    private void clientGone() {
        resetUpstream();
        finish();
    }

    private void finish() {
        if (backend != null) {
            upstreams.inFlight().remove(backend, this);
        }
        if (!accounted) {
            accounted = true;
            account();
        }
    }

    private void account() {
        long nanos = System.nanoTime() - startNanos;
        int status;
        if (response.ended()) {
            status = response.getStatusCode();
            metrics.answered(status, routerError, nanos);
        } else {
            status = CLIENT_CLOSED;
            metrics.aborted();
        }
        if (ACCESS.isInfoEnabled()) {
            ACCESS.infof("%s %s %s %d %dms %s %s", app, request.method(), request.path(), status,
                    nanos / 1_000_000, backend == null ? "-" : backend, requestId);
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
