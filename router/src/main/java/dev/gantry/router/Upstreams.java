package dev.gantry.router;

/** What a proxied request needs to reach an app's backends, and to account for it. */
record Upstreams(
        BackendSelector selector,
        InFlightRequests inFlight,
        long idleTimeoutMillis,
        RouterMetrics metrics,
        BackendHealth health) {
}
