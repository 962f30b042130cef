package dev.gantry.router;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Which headers cross the router, in each direction. */
final class ForwardedHeaders {

    // RFC 9110 7.6.1: these describe one connection, not the message, so they stop at each hop.
    private static final Set<String> HOP_BY_HOP = Set.of(
            "connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "proxy-connection",
            "te", "trailer", "transfer-encoding", "upgrade");

    private ForwardedHeaders() {
    }

    /** Request headers for the backend: end-to-end ones, the client's Host, and X-Forwarded-*. */
    static void toBackend(HttpServerRequest request, HttpClientRequest upstream) {
        copyEndToEnd(request.headers(), upstream.headers(), Set.of("host", "expect"));
        // The app must see the Host the client asked for, not the backend's host:port.
        upstream.authority(request.authority());
        addForwardedFor(request, upstream.headers());
        if (hasToken(request.headers(), HttpHeaders.TRANSFER_ENCODING, "chunked")) {
            upstream.setChunked(true);
        }
    }

    /** Response headers for the client: end-to-end ones only; the router frames the body itself. */
    static void toClient(MultiMap fromBackend, MultiMap toClient) {
        copyEndToEnd(fromBackend, toClient, Set.of());
    }

    static void toBackendForUpgrade(HttpServerRequest request, HttpClientRequest upstream) {
        toBackend(request, upstream);
        keepUpgrade(request.headers(), upstream.headers());
    }

    static void toClientForUpgrade(MultiMap fromBackend, MultiMap toClient) {
        toClient(fromBackend, toClient);
        keepUpgrade(fromBackend, toClient);
    }

    // A protocol switch is the one exchange whose Connection and Upgrade headers must cross the hop.
    private static void keepUpgrade(MultiMap from, MultiMap to) {
        to.set(HttpHeaders.CONNECTION, HttpHeaders.UPGRADE);
        to.set(HttpHeaders.UPGRADE, from.get(HttpHeaders.UPGRADE));
    }

    /** Whether a comma-separated header such as {@code Connection: keep-alive, Upgrade} lists {@code token}. */
    static boolean hasToken(MultiMap headers, CharSequence name, String token) {
        for (String value : headers.getAll(name)) {
            for (String listed : value.split(",")) {
                if (listed.trim().equalsIgnoreCase(token)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void addForwardedFor(HttpServerRequest request, MultiMap headers) {
        // Appended, like nginx's $proxy_add_x_forwarded_for: the app decides how many hops it trusts.
        String client = request.remoteAddress().hostAddress();
        String earlier = request.getHeader("X-Forwarded-For");
        headers.set("X-Forwarded-For", earlier == null ? client : earlier + ", " + client);
        headers.set("X-Forwarded-Proto", request.scheme());
        headers.set("X-Forwarded-Host", request.getHeader(HttpHeaders.HOST));
    }

    private static void copyEndToEnd(MultiMap from, MultiMap to, Set<String> alsoDropped) {
        Set<String> dropped = new HashSet<>(HOP_BY_HOP);
        dropped.addAll(alsoDropped);
        // A sender may name further per-connection headers in Connection.
        for (String value : from.getAll(HttpHeaders.CONNECTION)) {
            for (String token : value.split(",")) {
                dropped.add(token.trim().toLowerCase(Locale.ROOT));
            }
        }
        for (Map.Entry<String, String> header : from) {
            if (!dropped.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                to.add(header.getKey(), header.getValue());
            }
        }
    }
}
