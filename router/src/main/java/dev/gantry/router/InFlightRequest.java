package dev.gantry.router;

import dev.gantry.router.api.Backend;

/**
 * A request the router has sent, or is about to send, to a backend and has not finished answering.
 * {@link InFlightRequests} calls these from any thread; implementations hop to their own event loop.
 */
interface InFlightRequest {

    /** {@code backend} is leaving its route: nothing new reaches it; what is open may finish. */
    void drainStarted(Backend backend);

    /** The drain of {@code backend} timed out and this request is still open to it: end it now. */
    void drainDeadlineReached(Backend backend);
}
