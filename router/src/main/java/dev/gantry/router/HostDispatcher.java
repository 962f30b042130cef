package dev.gantry.router;

import dev.gantry.router.api.AppRoute;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.util.AsciiString;
import io.vertx.core.net.HostAndPort;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntSupplier;

/**
 * Finds the app a request's Host names and hands the request to the matching exchange, or, for an
 * app that asks for HTTPS, answers a plain HTTP request with a redirect to it.
 */
final class HostDispatcher {

    private final AtomicReference<RouteTable> table;
    private final Upstreams upstreams;
    private final IntSupplier httpsPort;

    /** @param httpsPort the router's HTTPS port, below 0 while it serves none */
    HostDispatcher(AtomicReference<RouteTable> table, Upstreams upstreams, IntSupplier httpsPort) {
        this.table = table;
        this.upstreams = upstreams;
        this.httpsPort = httpsPort;
    }

    /**
     * Starts answering {@code request}, through an exchange it gives the client connection, or at once;
     * {@code hasBody} when a body follows its head.
     */
    void dispatch(ClientConnection client, HttpRequest request, boolean hasBody) {
        AsciiString requestId = RequestIds.keepOrGenerate(request.headers().get(RequestIds.HEADER));
        String hostHeader = request.headers().get(HttpHeaderNames.HOST);
        HostAndPort authority = hostHeader == null ? null : HostAndPort.parseAuthority(hostHeader, -1);
        if (authority == null) {
            upstreams.metrics().unrouted();
            client.respond(RouterResponses.error(client.channel().alloc(), 400, "Bad Request",
                    "The request has no valid Host header", requestId));
            AccessLog.answered(null, request, 400, 0, null, requestId);
            return;
        }
        // The authority has already split off the port, so app.example.com:8080 finds app.example.com.
        AppRoute route = table.get().forHost(authority.host());
        if (route == null) {
            upstreams.metrics().unrouted();
            client.respond(RouterResponses.error(client.channel().alloc(), 404, "Not Found",
                    "No app is routed at " + authority.host(), requestId));
            AccessLog.answered(null, request, 404, 0, null, requestId);
            return;
        }
        int https = httpsPort.getAsInt();
        if (route.redirectHttps() && !client.tls() && https > 0) {
            String location = "https://" + authority.host() + (https == 443 ? "" : ":" + https) + request.uri();
            client.respond(RouterResponses.redirect(location, requestId));
            AccessLog.answered(route.app(), request, 308, 0, null, requestId);
            return;
        }
        if (UpgradeTunnel.isWebSocketUpgrade(request)) {
            UpgradeTunnel tunnel = new UpgradeTunnel(client, request, route.app(), upstreams, requestId);
            client.begin(tunnel);
            tunnel.start();
            return;
        }
        ProxyExchange exchange = new ProxyExchange(client, request, hasBody, route.app(), upstreams, requestId);
        client.begin(exchange);
        exchange.start();
    }
}
