package dev.gantry.router;

import io.vertx.core.http.HttpClient;

/** What a proxied request needs to reach an app's backends, and to account for it. */
record Upstreams(
        HttpClient client,
        BackendSelector selector,
        InFlightRequests inFlight,
        long idleTimeoutMillis,
        RouterMetrics metrics,
        BackendHealth health) {
}
