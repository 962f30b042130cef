package dev.gantry.router;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.net.HostAndPort;
import java.util.concurrent.atomic.AtomicReference;

/** Finds the app a request's Host names and hands the request to the matching exchange. */
final class HostDispatcher implements Handler<HttpServerRequest> {

    private final AtomicReference<RouteTable> table;
    private final Upstreams upstreams;
    private final ClientConnections connections;

    HostDispatcher(AtomicReference<RouteTable> table, Upstreams upstreams, ClientConnections connections) {
        this.table = table;
        this.upstreams = upstreams;
        this.connections = connections;
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
        } else if (UpgradeTunnel.isWebSocketUpgrade(request)) {
            connections.upgraded(request);
            new UpgradeTunnel(request, route.app(), upstreams, requestId).start();
        } else {
            new ProxyExchange(request, route.app(), upstreams, requestId).start();
        }
    }
}
