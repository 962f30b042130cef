package dev.gantry.router.api;

import java.util.List;

/**
 * Traffic of one app since the router started.
 *
 * @param responses2xx responses sent to clients with a 2xx status (likewise 3xx, 4xx, 5xx); the 5xx
 *     count includes the router's own error pages
 * @param routerErrors502 502 pages the router wrote itself: no backend could be reached (likewise 503:
 *     the app has no backends; 504: the backend went silent or was drained away)
 * @param clientAborts requests whose client went away before the response was complete
 * @param inFlight requests being answered now
 * @param backends per-backend counters of the backends that serve, or recently served, the app
 */
public record AppStats(
        long responses2xx,
        long responses3xx,
        long responses4xx,
        long responses5xx,
        long routerErrors502,
        long routerErrors503,
        long routerErrors504,
        long clientAborts,
        long inFlight,
        List<BackendStats> backends) {

    public AppStats {
        backends = List.copyOf(backends);
    }

    /** All responses sent, of any status. */
    public long responses() {
        return responses2xx + responses3xx + responses4xx + responses5xx;
    }
}
