package dev.gantry.router;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Which headers cross the router, in each direction. Runs for every request: no needless allocation. */
final class ForwardedHeaders {

    private ForwardedHeaders() {
    }

    /**
     * Request headers for the backend: end-to-end ones, the client's Host, X-Forwarded-* and the
     * request's id.
     */
    static void toBackend(HttpServerRequest request, HttpClientRequest upstream, String requestId) {
        MultiMap headers = upstream.headers();
        copyEndToEnd(request.headers(), headers, true);
        // The app must see the Host the client asked for, not the backend's host:port.
        upstream.authority(request.authority());
        addForwarded(request, headers);
        headers.set(RequestIds.HEADER, requestId);
        if (request.headers().contains(HttpHeaders.TRANSFER_ENCODING)
                && hasToken(request.headers(), HttpHeaders.TRANSFER_ENCODING, "chunked")) {
            upstream.setChunked(true);
        }
    }

    /**
     * Response headers for the client: end-to-end ones only; the router frames the body itself and has
     * already set the request's id.
     */
    static void toClient(MultiMap fromBackend, MultiMap toClient) {
        copyEndToEnd(fromBackend, toClient, false);
    }

    static void toBackendForUpgrade(HttpServerRequest request, HttpClientRequest upstream, String requestId) {
        toBackend(request, upstream, requestId);
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

    private static void addForwarded(HttpServerRequest request, MultiMap headers) {
        // Appended, like nginx's $proxy_add_x_forwarded_for: the app decides how many hops it trusts.
        String client = request.remoteAddress().hostAddress();
        String earlier = request.getHeader("X-Forwarded-For");
        headers.set("X-Forwarded-For", earlier == null ? client : earlier + ", " + client);
        headers.set("X-Forwarded-Proto", request.scheme());
        headers.set("X-Forwarded-Host", request.getHeader(HttpHeaders.HOST));
        headers.set("X-Forwarded-Port", Integer.toString(forwardedPort(request)));
    }

    /**
     * The port the client addressed: the one in its Host header when it named one (the router may sit
     * behind a port forward), otherwise the port the connection arrived on.
     */
    static int forwardedPort(HttpServerRequest request) {
        HostAndPort authority = request.authority();
        if (authority != null && authority.port() > 0) {
            return authority.port();
        }
        return request.localAddress().port();
    }

    private static void copyEndToEnd(MultiMap from, MultiMap to, boolean toBackend) {
        // A sender may name further per-connection headers in Connection; most only say keep-alive.
        List<String> listed = from.contains(HttpHeaders.CONNECTION) ? connectionTokens(from) : null;
        for (Map.Entry<String, String> header : from) {
            String name = header.getKey();
            if (isHopByHop(name)
                    || (toBackend ? isReplacedOnTheWayIn(name) : name.equalsIgnoreCase(RequestIds.HEADER))
                    || (listed != null && containsIgnoreCase(listed, name))) {
                continue;
            }
            to.add(name, header.getValue());
        }
    }

    // RFC 9110 7.6.1: these describe one connection, not the message, so they stop at each hop.
    static boolean isHopByHop(String name) {
        return switch (name.length()) {
            case 2 -> name.equalsIgnoreCase("te");
            case 7 -> name.equalsIgnoreCase("upgrade") || name.equalsIgnoreCase("trailer");
            case 10 -> name.equalsIgnoreCase("connection") || name.equalsIgnoreCase("keep-alive");
            case 16 -> name.equalsIgnoreCase("proxy-connection");
            case 17 -> name.equalsIgnoreCase("transfer-encoding");
            case 18 -> name.equalsIgnoreCase("proxy-authenticate");
            case 19 -> name.equalsIgnoreCase("proxy-authorization");
            default -> false;
        };
    }

    // Host is set from the authority, Expect is answered by the router, X-Request-Id set after the copy.
    private static boolean isReplacedOnTheWayIn(String name) {
        return switch (name.length()) {
            case 4 -> name.equalsIgnoreCase("host");
            case 6 -> name.equalsIgnoreCase("expect");
            case 12 -> name.equalsIgnoreCase(RequestIds.HEADER);
            default -> false;
        };
    }

    private static List<String> connectionTokens(MultiMap headers) {
        List<String> tokens = null;
        for (String value : headers.getAll(HttpHeaders.CONNECTION)) {
            for (String token : value.split(",")) {
                String trimmed = token.trim();
                if (!trimmed.isEmpty() && !trimmed.equalsIgnoreCase("keep-alive") && !trimmed.equalsIgnoreCase("close")) {
                    if (tokens == null) {
                        tokens = new ArrayList<>(2);
                    }
                    tokens.add(trimmed);
                }
            }
        }
        return tokens;
    }

    private static boolean containsIgnoreCase(List<String> tokens, String name) {
        for (String token : tokens) {
            if (token.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }
}
