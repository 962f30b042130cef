package dev.gantry.router;

import dev.gantry.router.api.Backend;
import io.netty.util.concurrent.FastThreadLocal;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jboss.logging.Logger;

/**
 * Counts what each backend is still answering, so that a backend leaving its route can be drained:
 * it finishes what it was sent, and is stopped only after that (or at a deadline).
 */
final class InFlightRequests {

    private static final Logger LOG = Logger.getLogger(InFlightRequests.class);

    private final Vertx vertx;
    // One shard per thread that sends requests, in practice one per event loop: on the path of every
    // request a loop takes only its own lock, which no other loop wants. A drain reads them all.
    private final List<Shard> shards = new CopyOnWriteArrayList<>();
    private final FastThreadLocal<Shard> shardOfThread = new FastThreadLocal<>() {
        @Override
        protected Shard initialValue() {
            Shard shard = new Shard();
            shards.add(shard);
            return shard;
        }
    };
    private final List<Drain> drains = new CopyOnWriteArrayList<>();

    InFlightRequests(Vertx vertx) {
        this.vertx = vertx;
    }

    void add(Backend backend, InFlightRequest request) {
        shardOfThread.get().add(backend, request);
    }

    void remove(Backend backend, InFlightRequest request) {
        Shard own = shardOfThread.get();
        int left = own.remove(backend, request);
        if (left == Shard.NOT_HERE) {
            // Added on another thread.
            for (Shard shard : shards) {
                if (shard != own && (left = shard.remove(backend, request)) != Shard.NOT_HERE) {
                    break;
                }
            }
        }
        if (left == 0 && !drains.isEmpty()) {
            completeDrainsOf(backend);
        }
    }

    // Runs after the removal: a drain registered before it is seen here, one registered after it sees
    // the removal when it looks at what is open. Both may complete the same drain; only one wins.
    private void completeDrainsOf(Backend backend) {
        for (Drain drain : drains) {
            if (drain.backends.contains(backend) && countOpen(drain.backends) == 0 && drains.remove(drain)) {
                drain.complete();
            }
        }
    }

    int count(Backend backend) {
        int count = 0;
        for (Shard shard : shards) {
            count += shard.count(backend);
        }
        return count;
    }

    /**
     * Completes once nothing is in flight to {@code backends}, or at the deadline after ending
     * whatever is still open. Never blocks: the deadline is a Vert.x timer.
     */
    CompletableFuture<Void> drain(Collection<Backend> backends, Duration timeout) {
        Drain drain = new Drain(Set.copyOf(backends), timeout);
        drains.add(drain);
        List<Open> draining = openTo(drain.backends);
        if (draining.isEmpty()) {
            if (drains.remove(drain)) {
                drain.done.complete(null);
            }
            return drain.done;
        }
        drain.timer = vertx.setTimer(Math.max(1, timeout.toMillis()), id -> deadlineReached(drain));
        draining.forEach(open -> open.request.drainStarted(open.backend));
        return drain.done;
    }

    private void deadlineReached(Drain drain) {
        if (!drains.remove(drain)) {
            return;
        }
        List<Open> stillOpen = openTo(drain.backends);
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
        shards.forEach(shard -> shard.openTo(backends, requests));
        return requests;
    }

    /** The requests one thread has open, by backend. */
    private static final class Shard {
        static final int NOT_HERE = -1;
        private final Map<Backend, Set<InFlightRequest>> open = new HashMap<>();

        synchronized void add(Backend backend, InFlightRequest request) {
            open.computeIfAbsent(backend, b -> new HashSet<>()).add(request);
        }

        /** How many requests to the backend are still open here; NOT_HERE when this one was not. */
        synchronized int remove(Backend backend, InFlightRequest request) {
            Set<InFlightRequest> requests = open.get(backend);
            if (requests == null || !requests.remove(request)) {
                return NOT_HERE;
            }
            if (requests.isEmpty()) {
                open.remove(backend);
            }
            return requests.size();
        }

        synchronized int count(Backend backend) {
            Set<InFlightRequest> requests = open.get(backend);
            return requests == null ? 0 : requests.size();
        }

        synchronized void openTo(Set<Backend> backends, List<Open> into) {
            for (Backend backend : backends) {
                Set<InFlightRequest> requests = open.get(backend);
                if (requests != null) {
                    requests.forEach(request -> into.add(new Open(backend, request)));
                }
            }
        }
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
