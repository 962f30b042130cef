package dev.gantry.router;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.gantry.router.api.Backend;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BackendSelectorTest {

    private static final Backend ONE = new Backend("127.0.0.1", 10001);
    private static final Backend TWO = new Backend("127.0.0.1", 10002);
    private static final Backend THREE = new Backend("127.0.0.1", 10003);
    private static final InFlightRequest REQUEST = new InFlightRequest() {
        @Override
        public void drainStarted(Backend backend) {
        }

        @Override
        public void drainDeadlineReached(Backend backend) {
        }
    };

    private final Vertx vertx = Vertx.vertx();
    private final InFlightRequests inFlight = new InFlightRequests(vertx);
    private final AtomicReference<RouteTable> table = new AtomicReference<>(
            RouteTable.EMPTY.with("shop", Set.of("shop.example.com"), List.of(ONE, TWO, THREE)));
    // Probes reschedule only while a backend is routed; "never routed" keeps these tests free of timers.
    private final BackendHealth health = new BackendHealth(vertx, 1000, backend -> false);
    private final BackendSelector selector = new BackendSelector(table, inFlight, health);

    @AfterEach
    void closeVertx() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void takesBackendsInTurnAndCountsEachPick() {
        List<Backend> picks = List.of(
                selector.reserve("shop", Set.of(), REQUEST),
                selector.reserve("shop", Set.of(), REQUEST),
                selector.reserve("shop", Set.of(), REQUEST),
                selector.reserve("shop", Set.of(), REQUEST));

        assertEquals(List.of(ONE, TWO, THREE, ONE), picks);
        assertEquals(1, inFlight.count(ONE));
        assertEquals(1, inFlight.count(TWO));
    }

    @Test
    void skipsBackendsAlreadyTriedAndGivesUpWhenAllWere() {
        assertEquals(TWO, selector.reserve("shop", Set.of(ONE), REQUEST));
        assertNull(selector.reserve("shop", Set.of(ONE, TWO, THREE), REQUEST));
    }

    @Test
    void readsTheTableAtEachPick() {
        assertEquals(ONE, selector.reserve("shop", Set.of(), REQUEST));

        table.set(table.get().with("shop", Set.of("shop.example.com"), List.of(THREE)));

        assertEquals(THREE, selector.reserve("shop", Set.of(), REQUEST));
        assertNull(selector.reserve("gone", Set.of(), REQUEST));
    }

    @Test
    void passesOverBackendsOutOfRotation() {
        health.connectFailed(TWO, new Exception("refused"));

        List<Backend> picks = List.of(
                selector.reserve("shop", Set.of(), REQUEST),
                selector.reserve("shop", Set.of(), REQUEST),
                selector.reserve("shop", Set.of(), REQUEST));

        assertEquals(List.of(ONE, THREE, THREE), picks);
    }

    @Test
    void triesABackendOutOfRotationWhenNoOtherIsLeft() {
        health.connectFailed(ONE, new Exception("refused"));
        health.connectFailed(TWO, new Exception("refused"));
        health.connectFailed(THREE, new Exception("refused"));

        assertEquals(ONE, selector.reserve("shop", Set.of(), REQUEST));
        assertEquals(THREE, selector.reserve("shop", Set.of(ONE, TWO), REQUEST));

        health.connected(TWO);
        assertEquals(TWO, selector.reserve("shop", Set.of(), REQUEST));
    }
}
