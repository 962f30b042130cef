package dev.gantry.router.api;

import java.util.Objects;

/**
 * One backend's counters within an app.
 *
 * @param responses5xx 5xx responses the backend itself sent
 * @param connectFailures requests for which the backend refused (or timed out) the connection
 * @param healthy false while the backend is out of rotation after a failed connection
 */
public record BackendStats(Backend backend, long responses5xx, long connectFailures, boolean healthy) {

    public BackendStats {
        Objects.requireNonNull(backend, "backend");
    }
}
