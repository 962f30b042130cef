package dev.gantry.router;

import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.jboss.logging.Logger;

/**
 * Counts what each backend is still answering, so that a backend leaving its route can be drained:
 * it finishes what it was sent, and is stopped only after that (or at a deadline).
 */
final class InFlightRequests {

    private static final Logger LOG = Logger.getLogger(InFlightRequests.class);

    private final Vertx vertx;
    private final Map<Backend, Set<InFlightRequest>> open = new HashMap<>();
    private final List<Drain> drains = new ArrayList<>();

    InFlightRequests(Vertx vertx) {
        this.vertx = vertx;
    }

    synchronized void add(Backend backend, InFlightRequest request) {
        open.computeIfAbsent(backend, b -> new HashSet<>()).add(request);
    }

    void remove(Backend backend, InFlightRequest request) {
        List<Drain> finished = new ArrayList<>();
        synchronized (this) {
            Set<InFlightRequest> requests = open.get(backend);
            if (requests == null || !requests.remove(request)) {
                return;
            }
            if (requests.isEmpty()) {
                open.remove(backend);
                for (Iterator<Drain> it = drains.iterator(); it.hasNext(); ) {
                    Drain drain = it.next();
                    if (drain.backends.contains(backend) && countOpen(drain.backends) == 0) {
                        it.remove();
                        finished.add(drain);
                    }
                }
            }
        }
        finished.forEach(Drain::complete);
    }

    synchronized int count(Backend backend) {
        Set<InFlightRequest> requests = open.get(backend);
        return requests == null ? 0 : requests.size();
    }

    /**
     * Completes once nothing is in flight to {@code backends}, or at the deadline after ending
     * whatever is still open. Never blocks: the deadline is a Vert.x timer.
     */
    CompletableFuture<Void> drain(Collection<Backend> backends, Duration timeout) {
        Drain drain = new Drain(Set.copyOf(backends), timeout);
        List<Open> draining;
        synchronized (this) {
            draining = openTo(drain.backends);
            if (draining.isEmpty()) {
                return CompletableFuture.completedFuture(null);
            }
            drains.add(drain);
        }
        drain.timer = vertx.setTimer(Math.max(1, timeout.toMillis()), id -> deadlineReached(drain));
        draining.forEach(open -> open.request.drainStarted(open.backend));
        return drain.done;
    }

    private void deadlineReached(Drain drain) {
        List<Open> stillOpen;
        synchronized (this) {
            if (!drains.remove(drain)) {
                return;
            }
            stillOpen = openTo(drain.backends);
        }
        LOG.warnf("Drain of %s reached its %s deadline with %d request(s) still open; ending them: %s",
                drain.backends, drain.timeout, stillOpen.size(), stillOpen);
        stillOpen.forEach(open -> open.request.drainDeadlineReached(open.backend));
        drain.done.complete(null);
    }

    private int countOpen(Set<Backend> backends) {
        return backends.stream().mapToInt(this::count).sum();
    }

    private List<Open> openTo(Set<Backend> backends) {
        List<Open> requests = new ArrayList<>();
        backends.forEach(backend -> open.getOrDefault(backend, Set.of())
                .forEach(request -> requests.add(new Open(backend, request))));
        return requests;
    }

    private record Open(Backend backend, InFlightRequest request) {
        @Override
        public String toString() {
            return request + " on " + backend;
        }
    }

    private final class Drain {
        final Set<Backend> backends;
        final Duration timeout;
        final CompletableFuture<Void> done = new CompletableFuture<>();
        volatile long timer = -1;

        Drain(Set<Backend> backends, Duration timeout) {
            this.backends = backends;
            this.timeout = timeout;
        }

        void complete() {
            vertx.cancelTimer(timer);
            done.complete(null);
        }
    }
}
