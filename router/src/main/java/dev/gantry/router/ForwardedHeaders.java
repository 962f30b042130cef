package dev.gantry.router;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AsciiString;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Which headers cross the router, in each direction. The decoded message is edited in place and sent
 * on: copying every header into a new map is most of what a small request would cost.
 */
final class ForwardedHeaders {

    static final AsciiString X_FORWARDED_FOR = AsciiString.cached("X-Forwarded-For");
    static final AsciiString X_FORWARDED_PROTO = AsciiString.cached("X-Forwarded-Proto");
    static final AsciiString X_FORWARDED_HOST = AsciiString.cached("X-Forwarded-Host");
    static final AsciiString X_FORWARDED_PORT = AsciiString.cached("X-Forwarded-Port");
    private static final AsciiString HTTPS = AsciiString.cached("https");
    private static final AsciiString HTTP = AsciiString.cached("http");

    private ForwardedHeaders() {
    }

    /**
     * Makes a client's request one for the backend: end-to-end headers, the client's Host, X-Forwarded-*
     * and the request's id, over HTTP/1.1 keep-alive.
     */
    static void toBackend(HttpRequest request, ClientConnection client, AsciiString requestId) {
        HttpHeaders headers = request.headers();
        boolean chunked = HttpUtil.isTransferEncodingChunked(request);
        String host = headers.get(HttpHeaderNames.HOST);
        removeHopByHop(headers);
        // The router answers Expect itself, and sets the id after the copy.
        headers.remove(HttpHeaderNames.EXPECT);
        // Appended, like nginx's $proxy_add_x_forwarded_for: the app decides how many hops it trusts.
        String earlier = headers.get(X_FORWARDED_FOR);
        headers.set(X_FORWARDED_FOR, earlier == null ? client.remoteHost() : earlier + ", " + client.remoteHost());
        headers.set(X_FORWARDED_PROTO, client.tls() ? HTTPS : HTTP);
        if (host != null) {
            headers.set(X_FORWARDED_HOST, host);
        }
        headers.set(X_FORWARDED_PORT, client.forwardedPort(host));
        headers.set(RequestIds.HEADER, requestId);
        if (chunked) {
            // Transfer-Encoding is per hop, but the body keeps its chunked framing on the next one.
            headers.set(HttpHeaderNames.TRANSFER_ENCODING, "chunked");
        }
        request.setProtocolVersion(HttpVersion.HTTP_1_1);
    }

    /**
     * Makes a backend's response one for the client: end-to-end headers only, the request's id, and a
     * framing of the router's own (chunked when the length is unknown and there is a body).
     */
    static void toClient(HttpResponse response, AsciiString requestId, boolean hasBody) {
        HttpHeaders headers = response.headers();
        removeHopByHop(headers);
        headers.set(RequestIds.HEADER, requestId);
        if (hasBody && !headers.contains(HttpHeaderNames.CONTENT_LENGTH)) {
            headers.set(HttpHeaderNames.TRANSFER_ENCODING, "chunked");
        }
        response.setProtocolVersion(HttpVersion.HTTP_1_1);
    }

    /** As {@link #toBackend}, keeping the Upgrade and Connection headers a protocol switch needs. */
    static void toBackendForUpgrade(HttpRequest request, ClientConnection client, AsciiString requestId) {
        String upgrade = request.headers().get(HttpHeaderNames.UPGRADE);
        toBackend(request, client, requestId);
        keepUpgrade(request.headers(), upgrade);
    }

    /** As {@link #toClient}, keeping the Upgrade and Connection headers of a 101. */
    static void toClientForUpgrade(HttpResponse response, AsciiString requestId) {
        String upgrade = response.headers().get(HttpHeaderNames.UPGRADE);
        toClient(response, requestId, false);
        keepUpgrade(response.headers(), upgrade);
    }

    // A protocol switch is the one exchange whose Connection and Upgrade headers must cross the hop.
    private static void keepUpgrade(HttpHeaders headers, String upgrade) {
        headers.set(HttpHeaderNames.CONNECTION, HttpHeaderNames.UPGRADE);
        if (upgrade != null) {
            headers.set(HttpHeaderNames.UPGRADE, upgrade);
        }
    }

    /** The port in a Host header ({@code host:port}, {@code [v6]:port}), else {@code fallback}. */
    static String portOf(String host, String fallback) {
        if (host != null) {
            int colon = host.lastIndexOf(':');
            if (colon > 0 && colon > host.lastIndexOf(']') && colon < host.length() - 1) {
                return host.substring(colon + 1);
            }
        }
        return fallback;
    }

    /** Whether a comma-separated header such as {@code Connection: keep-alive, Upgrade} lists {@code token}. */
    static boolean hasToken(HttpHeaders headers, CharSequence name, String token) {
        for (String value : headers.getAll(name)) {
            for (String listed : value.split(",")) {
                if (listed.trim().equalsIgnoreCase(token)) {
                    return true;
                }
            }
        }
        return false;
    }

    // RFC 9110 7.6.1: these describe one connection, not the message, so they stop at each hop; so do
    // the further headers a sender names in Connection (most only say keep-alive). One pass over the
    // headers as the decoder stored them: a lookup per name would cost a hash and a list each.
    static void removeHopByHop(HttpHeaders headers) {
        List<CharSequence> remove = null;
        for (Iterator<Map.Entry<CharSequence, CharSequence>> it = headers.iteratorCharSequence(); it.hasNext(); ) {
            Map.Entry<CharSequence, CharSequence> header = it.next();
            CharSequence name = header.getKey();
            if (isHopByHop(name)) {
                if (remove == null) {
                    remove = new ArrayList<>(2);
                }
                remove.add(name);
                if (AsciiString.contentEqualsIgnoreCase(name, HttpHeaderNames.CONNECTION)) {
                    addListedNames(header.getValue(), remove);
                }
            }
        }
        if (remove != null) {
            remove.forEach(headers::remove);
        }
    }

    static boolean isHopByHop(CharSequence name) {
        return switch (name.length()) {
            case 2 -> AsciiString.contentEqualsIgnoreCase(name, HttpHeaderNames.TE);
            case 7 -> AsciiString.contentEqualsIgnoreCase(name, HttpHeaderNames.UPGRADE)
                    || AsciiString.contentEqualsIgnoreCase(name, HttpHeaderNames.TRAILER);
            case 10 -> AsciiString.contentEqualsIgnoreCase(name, HttpHeaderNames.CONNECTION)
                    || AsciiString.contentEqualsIgnoreCase(name, HttpHeaderNames.KEEP_ALIVE);
            case 16 -> AsciiString.contentEqualsIgnoreCase(name, HttpHeaderNames.PROXY_CONNECTION);
            case 17 -> AsciiString.contentEqualsIgnoreCase(name, HttpHeaderNames.TRANSFER_ENCODING);
            case 18 -> AsciiString.contentEqualsIgnoreCase(name, HttpHeaderNames.PROXY_AUTHENTICATE);
            case 19 -> AsciiString.contentEqualsIgnoreCase(name, HttpHeaderNames.PROXY_AUTHORIZATION);
            default -> false;
        };
    }

    // The header names a Connection value lists, beyond keep-alive and close.
    private static void addListedNames(CharSequence connection, List<CharSequence> into) {
        // Nearly every backend's answer says only this: no need to split it.
        if (AsciiString.contentEqualsIgnoreCase(connection, HttpHeaderValues.KEEP_ALIVE)
                || AsciiString.contentEqualsIgnoreCase(connection, HttpHeaderValues.CLOSE)) {
            return;
        }
        for (String token : connection.toString().split(",")) {
            String trimmed = token.trim();
            if (!trimmed.isEmpty() && !trimmed.equalsIgnoreCase("keep-alive") && !trimmed.equalsIgnoreCase("close")) {
                into.add(trimmed);
            }
        }
    }
}
