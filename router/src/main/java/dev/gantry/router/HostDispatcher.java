package dev.gantry.router;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import java.util.concurrent.atomic.AtomicReference;

/** Finds the app a request's Host names and hands the request to the matching exchange. */
final class HostDispatcher implements Handler<HttpServerRequest> {

    private final AtomicReference<RouteTable> table;
    private final Upstreams upstreams;

    HostDispatcher(AtomicReference<RouteTable> table, Upstreams upstreams) {
        this.table = table;
        this.upstreams = upstreams;
    }

    @Override
    public void handle(HttpServerRequest request) {
        HostAndPort authority = request.authority();
        if (authority == null) {
            RouterResponses.error(request.response(), 400, "Bad Request", "The request has no valid Host header");
            return;
        }
        // HostAndPort has already split off the port, so app.example.com:8080 finds app.example.com.
        AppRoute route = table.get().forHost(authority.host());
        if (route == null) {
            RouterResponses.error(request.response(), 404, "Not Found", "No app is routed at " + authority.host());
        } else if (UpgradeTunnel.isWebSocketUpgrade(request)) {
            new UpgradeTunnel(request, route.app(), upstreams).start();
        } else {
            new ProxyExchange(request, route.app(), upstreams).start();
        }
    }
}
