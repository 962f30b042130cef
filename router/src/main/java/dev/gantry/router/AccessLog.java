package dev.gantry.router;

import dev.gantry.router.api.Backend;
import io.netty.handler.codec.http.HttpRequest;
import org.jboss.logging.Logger;

/**
 * The access log: one line per request the router answered, once the answer is sent, as
 * {@code app method path status time backend request-id}.
 */
final class AccessLog {

    static final String CATEGORY = "dev.gantry.router.access";
    private static final Logger LOG = Logger.getLogger(CATEGORY);
    // In place of an app or a backend the request never had.
    private static final String NONE = "-";

    private AccessLog() {
    }

    /** {@code app} and {@code backend} are null when the request had none. */
    static void answered(String app, HttpRequest request, int status, long nanos, Backend backend, CharSequence requestId) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        String uri = request.uri();
        int query = uri.indexOf('?');
        // Appended, not formatted: String.format took a fifth of the router's time per request.
        LOG.info(new StringBuilder(128).append(app == null ? NONE : app).append(' ').append(request.method()).append(' ')
                .append(uri, 0, query < 0 ? uri.length() : query).append(' ').append(status).append(' ')
                .append(nanos / 1_000_000).append("ms ").append(backend == null ? NONE : backend).append(' ').append(requestId).toString());
    }
}
