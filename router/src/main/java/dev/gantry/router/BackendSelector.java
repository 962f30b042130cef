package dev.gantry.router;

import dev.gantry.router.api.AppRoute;
import dev.gantry.router.api.Backend;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Picks an app's next backend round-robin from the live route table, passing over backends that are
 * out of rotation, and counts the request against it.
 */
final class BackendSelector {

    private final AtomicReference<RouteTable> table;
    private final InFlightRequests inFlight;
    private final BackendHealth health;
    private final Map<String, AtomicInteger> cursors = new ConcurrentHashMap<>();

    BackendSelector(AtomicReference<RouteTable> table, InFlightRequests inFlight, BackendHealth health) {
        this.table = table;
        this.inFlight = inFlight;
        this.health = health;
    }

    /**
     * The next backend of {@code app} not in {@code tried}, already counted as in flight for
     * {@code request}; null when the app has no such backend.
     */
    Backend reserve(String app, Set<Backend> tried, InFlightRequest request) {
        while (true) {
            Backend backend = next(table.get().forApp(app), tried);
            if (backend == null) {
                return null;
            }
            inFlight.add(backend, request);
            // Re-read after counting: a route swap plus drain may have run since the pick. Either the
            // drain saw this request, or the re-read sees the new table and we pick again; a backend
            // that left the route never gets a new request.
            AppRoute current = table.get().forApp(app);
            if (current != null && current.contains(backend)) {
                return backend;
            }
            inFlight.remove(backend, request);
        }
    }

    void forget(String app) {
        cursors.remove(app);
    }

    private Backend next(AppRoute route, Set<Backend> tried) {
        if (route == null) {
            return null;
        }
        List<Backend> backends = route.backends();
        if (backends.isEmpty()) {
            return null;
        }
        AtomicInteger cursor = cursors.get(route.app());
        if (cursor == null) {
            cursor = cursors.computeIfAbsent(route.app(), a -> new AtomicInteger());
        }
        int start = cursor.getAndIncrement();
        Backend fallback = null;
        for (int i = 0; i < backends.size(); i++) {
            Backend candidate = backends.get(Math.floorMod(start + i, backends.size()));
            if (tried.contains(candidate)) {
                continue;
            }
            if (!health.isDown(candidate)) {
                return candidate;
            }
            if (fallback == null) {
                fallback = candidate;
            }
        }
        // Every untried backend is out of rotation: trying one beats answering 503 (it may be back).
        return fallback;
    }
}
