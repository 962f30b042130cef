package dev.gantry.router;

import io.vertx.core.http.HttpClient;

/** What a proxied request needs to reach an app's backends. */
record Upstreams(HttpClient client, BackendSelector selector, InFlightRequests inFlight, long idleTimeoutMillis) {
}
