package dev.gantry.router;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.net.HostAndPort;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntSupplier;

/**
 * Finds the app a request's Host names and hands the request to the matching exchange, or, for an
 * app that asks for HTTPS, answers a plain HTTP request with a redirect to it.
 */
final class HostDispatcher implements Handler<HttpServerRequest> {

    private final AtomicReference<RouteTable> table;
    private final Upstreams upstreams;
    private final ClientConnections connections;
    private final IntSupplier httpsPort;

    /** @param httpsPort the router's HTTPS port, below 0 while it serves none */
    HostDispatcher(AtomicReference<RouteTable> table, Upstreams upstreams, ClientConnections connections,
            IntSupplier httpsPort) {
        this.table = table;
        this.upstreams = upstreams;
        this.connections = connections;
        this.httpsPort = httpsPort;
    }

    @Override
    public void handle(HttpServerRequest request) {
        String requestId = RequestIds.keepOrGenerate(request.getHeader(RequestIds.HEADER));
        HttpServerResponse response = request.response();
        response.putHeader(RequestIds.HEADER, requestId);
        connections.requestArrived(request);
        HostAndPort authority = request.authority();
        if (authority == null) {
            upstreams.metrics().unrouted();
            RouterResponses.error(response, 400, "Bad Request", "The request has no valid Host header", requestId);
            return;
        }
        // HostAndPort has already split off the port, so app.example.com:8080 finds app.example.com.
        AppRoute route = table.get().forHost(authority.host());
        if (route == null) {
            upstreams.metrics().unrouted();
            RouterResponses.error(response, 404, "Not Found", "No app is routed at " + authority.host(), requestId);
        } else if (route.redirectHttps() && !request.isSSL() && httpsPort.getAsInt() > 0) {
            redirectToHttps(request, authority.host());
        } else if (UpgradeTunnel.isWebSocketUpgrade(request)) {
            connections.upgraded(request);
            new UpgradeTunnel(request, route.app(), upstreams, requestId).start();
        } else {
            new ProxyExchange(request, route.app(), upstreams, requestId).start();
        }
    }

    // 308, not 301: the client repeats the same method and body (RFC 9110 15.4.9).
    private void redirectToHttps(HttpServerRequest request, String host) {
        int port = httpsPort.getAsInt();
        request.response().setStatusCode(308)
                .putHeader(HttpHeaders.LOCATION, "https://" + host + (port == 443 ? "" : ":" + port) + request.uri())
                .putHeader(HttpHeaders.CONTENT_LENGTH, "0")
                .end();
    }
}
