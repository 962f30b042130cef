package dev.gantry.router;

import dev.gantry.router.api.Backend;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.AsciiString;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * One HTTP request through the router: pick a backend, stream the request to it and its response
 * back. Runs on the client connection's event loop, which is also its backend connection's; drain
 * callbacks hop onto it.
 */
final class ProxyExchange implements InFlightRequest, ClientConnection.Exchange, BackendConnection.Exchange,
        BackendConnections.Waiter {

    private static final Logger LOG = Logger.getLogger(ProxyExchange.class);
    // nginx's code for "the client closed the connection before the response was complete".
    static final int CLIENT_CLOSED = 499;
    /** Bodies up to this size, with a Content-Length, are sent with their head in one write. */
    static final long COLLECT_UP_TO_BYTES = 64 * 1024;

    // When a connect fails, or a backend closes the connection before answering a request without a
    // body, like nginx's proxy_next_upstream the router moves on, and only with methods a client may
    // repeat (RFC 9110 9.2.2).
    private static final Set<HttpMethod> RETRYABLE = Set.of(
            HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.PUT, HttpMethod.DELETE);

    private final ClientConnection client;
    private final HttpRequest request;
    private final String app;
    private final Upstreams upstreams;
    private final AppMetrics metrics;
    private final AsciiString requestId;
    private final boolean hasBody;
    private final long startNanos = System.nanoTime();
    // The backends tried before the current one: most requests never need it.
    private Set<Backend> tried;
    private Backend backend;
    private BackendConnection connection;
    private boolean retriedOnNewConnection;
    // The request's body pieces that came before a backend connection did.
    private List<HttpContent> early;
    private boolean requestSent;
    // A small response, held until complete so that a failure can still become a 502: its head, and
    // its body pieces before the last when there are more than one.
    private HttpResponse held;
    private List<HttpContent> heldBody;
    private boolean headWritten;
    private boolean skippingInformational;
    private boolean reusable;
    private int status;
    private boolean routerError;
    private boolean done;

    ProxyExchange(ClientConnection client, HttpRequest request, boolean hasBody, String app, Upstreams upstreams,
            AsciiString requestId) {
        this.client = client;
        this.request = request;
        this.app = app;
        this.upstreams = upstreams;
        this.metrics = upstreams.metrics().forApp(app);
        this.requestId = requestId;
        this.hasBody = hasBody;
    }

    void start() {
        metrics.started();
        ForwardedHeaders.toBackend(request, client, requestId);
        if (hasBody) {
            // Until a backend connection is there, the body waits in the socket, not in the router.
            client.pause();
        }
        tryNextBackend();
    }

    @Override
    public void drainStarted(Backend drained) {
        // Plain requests are short: let them finish on the old backend.
    }

    @Override
    public void drainDeadlineReached(Backend drained) {
        client.channel().eventLoop().execute(() -> {
            // A request that moved on to another backend (after a refused connection) is not ended.
            if (done || !drained.equals(backend)) {
                return;
            }
            closeBackend();
            fail(504, "Gateway Timeout", app + " did not answer before its instance was drained");
        });
    }

    @Override
    public String toString() {
        return request.method() + " " + request.headers().get(HttpHeaderNames.HOST) + request.uri()
                + " (" + app + ", " + requestId + ")";
    }

    private void tryNextBackend() {
        Backend previous = backend;
        if (previous != null) {
            if (tried == null) {
                tried = new HashSet<>(4);
            }
            tried.add(previous);
        }
        backend = upstreams.selector().reserve(app, tried == null ? Set.of() : tried, this);
        if (backend == null) {
            if (previous == null) {
                fail(503, "Service Unavailable", app + " has no running web instances");
            } else {
                LOG.warnf("%s: no backend of %s accepted a connection (tried %s); answering 502", this, app, tried);
                fail(502, "Bad Gateway", app + " could not be reached");
            }
            return;
        }
        client.backends().acquire(backend, this);
    }

    @Override
    public void connected(BackendConnection connected) {
        if (done) {
            connected.release(true);
            return;
        }
        upstreams.health().connected(backend);
        connection = connected;
        connection.bind(this);
        reusable = true;
        ReferenceCountUtil.retain(request);
        if (!hasBody) {
            // Most requests: the head goes out as one message, in one write.
            connection.writeAndFlush(new DefaultFullHttpRequest(request.protocolVersion(), request.method(),
                    request.uri(), Unpooled.EMPTY_BUFFER, request.headers(), EmptyHttpHeaders.INSTANCE));
            sent();
            return;
        }
        connection.write(request);
        List<HttpContent> before = early;
        early = null;
        connection.channel().flush();
        if (before != null) {
            for (HttpContent content : before) {
                requestContent(content);
            }
        }
        if (!requestSent && connection != null && connection.channel().isWritable()) {
            client.resume();
        }
    }

    @Override
    public void connectFailed(Throwable cause) {
        Backend target = backend;
        upstreams.inFlight().remove(target, this);
        upstreams.health().connectFailed(target, cause);
        metrics.connectFailed(target);
        if (done) {
            return;
        }
        if (RETRYABLE.contains(request.method())) {
            LOG.debugf("%s: %s refused the connection (%s); trying the next backend", this, target, cause.getMessage());
            tryNextBackend();
        } else {
            LOG.warnf("%s: %s refused the connection (%s); answering 502", this, target, cause.getMessage());
            fail(502, "Bad Gateway", app + " could not be reached");
        }
    }

    @Override
    public void requestContent(HttpContent content) {
        if (done || !hasBody) {
            content.release();
            return;
        }
        if (connection == null) {
            // Connecting: what was read with the head, before reading paused.
            if (early == null) {
                early = new ArrayList<>(2);
            }
            early.add(content);
            return;
        }
        if (content instanceof LastHttpContent) {
            connection.writeAndFlush(content);
            sent();
            return;
        }
        connection.writeAndFlush(content);
        // Reading goes on only while the backend takes the body: it streams with backpressure.
        if (!connection.channel().isWritable()) {
            client.pause();
        }
    }

    private void sent() {
        requestSent = true;
        connection.requestSent();
    }

    @Override
    public void backendWritable() {
        if (!requestSent && !done) {
            client.resume();
        }
    }

    @Override
    public void clientWritable() {
        if (connection != null) {
            connection.channel().config().setAutoRead(true);
        }
    }

    @Override
    public void backendMessage(HttpObject message) {
        if (done) {
            ReferenceCountUtil.release(message);
            return;
        }
        if (message instanceof HttpResponse response) {
            if (!startResponse(response)) {
                return;
            }
        }
        if (message instanceof HttpContent content) {
            if (skippingInformational) {
                skippingInformational = !(content instanceof LastHttpContent);
                content.release();
                return;
            }
            if (held != null) {
                hold(content);
                return;
            }
            if (content instanceof LastHttpContent last) {
                client.end(last);
                completed();
                return;
            }
            client.write(content);
            client.flush();
            if (!client.channel().isWritable()) {
                // The client reads slower than the backend sends: stop reading from the backend until it catches up.
                connection.channel().config().setAutoRead(false);
            }
        }
    }

    private void hold(HttpContent content) {
        if (!(content instanceof LastHttpContent last)) {
            if (heldBody == null) {
                heldBody = new ArrayList<>(2);
            }
            heldBody.add(content);
            return;
        }
        HttpResponse head = held;
        held = null;
        headWritten = true;
        if (heldBody == null) {
            // The body came in one piece (or there is none): head and body go out as one message.
            client.respond(new DefaultFullHttpResponse(head.protocolVersion(), head.status(), last.content(),
                    head.headers(), last.trailingHeaders()));
        } else {
            client.writeHead(head);
            heldBody.forEach(client::write);
            heldBody = null;
            client.end(last);
        }
        completed();
    }

    /** Returns false when the response is an interim one (1xx) that the router swallows. */
    private boolean startResponse(HttpResponse response) {
        int code = response.status().code();
        if (code < 200) {
            // The router answered Expect itself; other interim answers are for this hop only.
            skippingInformational = true;
            ReferenceCountUtil.release(response);
            return false;
        }
        status = code;
        if (code >= 500) {
            metrics.backend5xx(backend);
        }
        reusable = HttpUtil.isKeepAlive(response);
        boolean body = request.method() != HttpMethod.HEAD && code != 204 && code != 304;
        boolean small = !body || isSmall(response.headers().get(HttpHeaderNames.CONTENT_LENGTH));
        ForwardedHeaders.toClient(response, requestId, body);
        if (small) {
            held = response;
        } else {
            client.writeHead(response);
            headWritten = true;
        }
        return true;
    }

    private static boolean isSmall(String contentLength) {
        if (contentLength == null) {
            return false;
        }
        try {
            long length = Long.parseLong(contentLength.trim());
            return length >= 0 && length <= COLLECT_UP_TO_BYTES;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private void completed() {
        BackendConnection used = connection;
        connection = null;
        finish();
        // After finish: the pool may hand the connection to a waiting request at once.
        used.release(reusable && requestSent);
    }

    @Override
    public void backendClosed(Throwable cause) {
        BackendConnection broken = connection;
        connection = null;
        if (done) {
            return;
        }
        releaseHeld();
        if (headWritten) {
            // The body was under way and the backend broke off: the reset tells the client that the
            // response is incomplete; the access log has it.
            LOG.debugf("%s: relay from %s broke off (%s)", this, backend, cause);
            cut();
        } else if (RETRYABLE.contains(request.method()) && !hasBody) {
            // Nothing reached the client: the backend closed the connection before answering, or in the
            // middle of a small answer the router held (an instance killed as it wrote). The request had no
            // body, so it can go out again whole. Not counted against its health: a healthy backend also
            // closes idle pooled connections.
            requestSent = false;
            boolean answerBegun = status != 0;
            status = 0;
            skippingInformational = false;
            if (!answerBegun && broken != null && broken.reused() && !retriedOnNewConnection) {
                // A pooled connection the backend closed as the request went out (its own keep-alive
                // timeout, or a restart): the backend itself may be fine, and may be the app's only one,
                // so it gets the request once more on a new connection before the next backend does.
                LOG.debugf("%s: %s closed a pooled connection before answering (%s); retrying on a new one",
                        this, backend, cause);
                retriedOnNewConnection = true;
                client.backends().acquireNew(backend, this);
                return;
            }
            LOG.debugf("%s: %s closed the connection before a whole answer (%s); trying the next backend", this,
                    backend, cause);
            upstreams.inFlight().remove(backend, this);
            tryNextBackend();
        } else {
            LOG.warnf("%s: %s failed mid-request (%s)", this, backend, cause.toString());
            fail(502, "Bad Gateway", app + " closed the connection without a full answer");
        }
    }

    @Override
    public void backendSilent() {
        LOG.warnf("%s: %s sent nothing for %d ms", this, backend, upstreams.idleTimeoutMillis());
        closeBackend();
        fail(504, "Gateway Timeout", app + " did not answer in time");
    }

    @Override
    public void clientClosed() {
        closeBackend();
        releaseHeld();
        if (!done) {
            status = CLIENT_CLOSED;
            finish();
        }
    }

    /** Answers with the router's own error page, or cuts the response if its head already went out. */
    private void fail(int code, String reason, String message) {
        if (done) {
            return;
        }
        releaseHeld();
        if (headWritten) {
            cut();
            return;
        } else {
            status = code;
            routerError = true;
            client.respond(RouterResponses.error(client.channel().alloc(), code, reason, message, requestId));
        }
        finish();
    }

    // Counted as the client's abort, as the client never got a whole response.
    private void cut() {
        client.reset();
        status = CLIENT_CLOSED;
        finish();
    }

    private void closeBackend() {
        if (connection != null) {
            BackendConnection open = connection;
            connection = null;
            open.release(false);
        }
    }

    private void releaseHeld() {
        held = null;
        if (heldBody != null) {
            heldBody.forEach(ReferenceCountUtil::release);
            heldBody = null;
        }
        if (early != null) {
            early.forEach(ReferenceCountUtil::release);
            early = null;
        }
    }

    private void finish() {
        if (done) {
            return;
        }
        done = true;
        ReferenceCountUtil.release(request);
        if (backend != null) {
            upstreams.inFlight().remove(backend, this);
        }
        long nanos = System.nanoTime() - startNanos;
        if (status == CLIENT_CLOSED || status == 0) {
            status = CLIENT_CLOSED;
            metrics.aborted();
        } else {
            metrics.answered(status, routerError, nanos);
        }
        AccessLog.answered(app, request, status, nanos, backend, requestId);
    }
}
