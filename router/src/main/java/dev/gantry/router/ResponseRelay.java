package dev.gantry.router;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.streams.Pipe;

/** Streams a backend's response to the client with backpressure, never holding the whole body. */
final class ResponseRelay {

    private ResponseRelay() {
    }

    /** Fails when either side breaks off; the caller decides between an error page and a reset. */
    static Future<Void> relay(HttpClientResponse fromBackend, HttpServerResponse toClient, HttpMethod method) {
        toClient.setStatusCode(fromBackend.statusCode());
        toClient.setStatusMessage(fromBackend.statusMessage());
        ForwardedHeaders.toClient(fromBackend.headers(), toClient.headers());
        if (!toClient.headers().contains(HttpHeaders.CONTENT_LENGTH) && hasBody(method, fromBackend.statusCode())) {
            // Transfer-Encoding is per hop: the backend's framing was dropped, so frame the body anew.
            toClient.setChunked(true);
        }
        Pipe<Buffer> body = fromBackend.pipe();
        // On failure the client must not receive a short body that looks complete.
        body.endOnFailure(false);
        return body.to(toClient);
    }

    private static boolean hasBody(HttpMethod method, int status) {
        return method != HttpMethod.HEAD && status != 204 && status != 304 && status >= 200;
    }
}
