package dev.gantry.router;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gantry.router.api.Backend;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InFlightRequestsTest {

    private static final Backend OLD = new Backend("127.0.0.1", 10001);
    private static final Backend OTHER = new Backend("127.0.0.1", 10002);

    private final Vertx vertx = Vertx.vertx();
    private final InFlightRequests inFlight = new InFlightRequests(vertx);

    @AfterEach
    void closeVertx() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void drainCompletesWhenTheLastRequestToTheBackendsEnds() throws Exception {
        Recorder first = new Recorder();
        Recorder second = new Recorder();
        Recorder elsewhere = new Recorder();
        inFlight.add(OLD, first);
        inFlight.add(OLD, second);
        inFlight.add(OTHER, elsewhere);

        CompletableFuture<Void> drained = inFlight.drain(Set.of(OLD), Duration.ofSeconds(30));
        inFlight.remove(OLD, first);
        assertFalse(drained.isDone());
        inFlight.remove(OLD, second);

        assertTrue(drained.isDone());
        assertEquals(List.of("started " + OLD), first.events);
        assertEquals(List.of(), elsewhere.events);
        assertEquals(1, inFlight.count(OTHER));
    }

    @Test
    void requestsStillOpenAtTheDeadlineAreEnded() throws Exception {
        Recorder stuck = new Recorder();
        inFlight.add(OLD, stuck);

        long start = System.nanoTime();
        inFlight.drain(Set.of(OLD), Duration.ofMillis(200)).get(5, TimeUnit.SECONDS);

        assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(190));
        assertEquals(List.of("started " + OLD, "deadline " + OLD), stuck.events);
    }

    @Test
    void drainWaitsForRequestsOfEveryEventLoop() throws Exception {
        Recorder onThisThread = new Recorder();
        Recorder onAnother = new Recorder();
        inFlight.add(OLD, onThisThread);
        onAnotherThread(() -> inFlight.add(OLD, onAnother));
        assertEquals(2, inFlight.count(OLD));

        CompletableFuture<Void> drained = inFlight.drain(Set.of(OLD), Duration.ofSeconds(30));
        inFlight.remove(OLD, onThisThread);
        assertFalse(drained.isDone(), "a request another thread sent is still open");
        // Ended on a thread other than the one that sent it.
        inFlight.remove(OLD, onAnother);

        assertTrue(drained.isDone());
        assertEquals(0, inFlight.count(OLD));
        assertEquals(List.of("started " + OLD), onAnother.events);
    }

    @Test
    void drainOfIdleBackendsIsAlreadyDone() {
        assertTrue(inFlight.drain(Set.of(OLD), Duration.ofSeconds(30)).isDone());
    }

    private static void onAnotherThread(Runnable action) throws InterruptedException {
        Thread thread = new Thread(action);
        thread.start();
        thread.join(10_000);
    }

    private static final class Recorder implements InFlightRequest {
        final List<String> events = new CopyOnWriteArrayList<>();

        @Override
        public void drainStarted(Backend backend) {
            events.add("started " + backend);
        }

        @Override
        public void drainDeadlineReached(Backend backend) {
            events.add("deadline " + backend);
        }
    }
}
