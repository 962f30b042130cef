package dev.gantry.router;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.streams.Pipe;

/**
 * Relays a backend's response to the client. Small bodies of known length are collected and sent with
 * the head in one write (one system call instead of one per chunk plus one for the end, which is most of
 * a small response's cost); everything else streams with backpressure, never holding the whole body.
 */
final class ResponseRelay {

    /** Bodies up to this size, with a Content-Length, are sent in one piece. */
    static final long COLLECT_UP_TO_BYTES = 64 * 1024;

    private ResponseRelay() {
    }

    /** Fails when either side breaks off; the caller decides between an error page and a reset. */
    static Future<Void> relay(HttpClientResponse fromBackend, HttpServerResponse toClient, HttpMethod method) {
        toClient.setStatusCode(fromBackend.statusCode());
        toClient.setStatusMessage(fromBackend.statusMessage());
        ForwardedHeaders.toClient(fromBackend.headers(), toClient.headers());
        boolean hasBody = hasBody(method, fromBackend.statusCode());
        if (!hasBody || isSmall(fromBackend.getHeader(HttpHeaders.CONTENT_LENGTH))) {
            // Nothing has gone to the client until the body is complete: a failure can still become a 502.
            return fromBackend.body().compose(body -> hasBody ? toClient.end(body) : toClient.end());
        }
        if (!toClient.headers().contains(HttpHeaders.CONTENT_LENGTH)) {
            // Transfer-Encoding is per hop: the backend's framing was dropped, so frame the body anew.
            toClient.setChunked(true);
        }
        Pipe<Buffer> body = fromBackend.pipe();
        // On failure the client must not receive a short body that looks complete.
        body.endOnFailure(false);
        return body.to(toClient);
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

    private static boolean hasBody(HttpMethod method, int status) {
        return method != HttpMethod.HEAD && status != 204 && status != 304 && status >= 200;
    }
}
