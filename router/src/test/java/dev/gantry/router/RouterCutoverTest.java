package dev.gantry.router;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gantry.router.api.Backend;
import io.vertx.core.Vertx;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Switching an app to new backends under load, and draining the old ones. */
class RouterCutoverTest {

    private static final Set<String> HOSTS = Set.of("web.example.com");

    private static Vertx vertx;
    private static Router router;
    private static TestClient client;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        router = new Router(vertx, RouterOptions.defaults().withBindHost("127.0.0.1").withPort(0));
        router.start();
        client = new TestClient(router.port());
    }

    @AfterAll
    static void stop() throws Exception {
        router.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private record Swap(long startNanos, long doneNanos, Set<String> serving) {
    }

    @Test
    void swapsUnderLoadWithoutErrorsAndNewRequestsNeverReachOldBackends() throws Exception {
        List<TestBackend> blue = List.of(TestBackend.start(vertx, "blue-1"), TestBackend.start(vertx, "blue-2"));
        List<TestBackend> green = List.of(TestBackend.start(vertx, "green-1"), TestBackend.start(vertx, "green-2"));
        router.setRoute("web", HOSTS, backends(blue));
        LoadLoop load = LoadLoop.start(1, router.port(), "web.example.com", "/");

        List<Swap> swaps = new ArrayList<>();
        swaps.add(new Swap(0, 0, names(blue)));
        for (int i = 0; i < 20; i++) {
            Thread.sleep(100);
            List<TestBackend> next = i % 2 == 0 ? green : blue;
            long swapStart = System.nanoTime();
            Set<Backend> left = router.setRoute("web", HOSTS, backends(next));
            long swapped = System.nanoTime();
            router.drain(left, Duration.ofSeconds(5)).get(10, TimeUnit.SECONDS);
            swaps.add(new Swap(swapStart, swapped, names(next)));
        }
        Thread.sleep(50);
        List<LoadLoop.Result> results = load.stop();

        assertTrue(results.size() >= 200, "too little load to mean anything: " + results.size());
        for (LoadLoop.Result result : results) {
            assertEquals(200, result.status(), () -> "failed request: " + result);
            Swap current = servingAt(swaps, result);
            if (current != null) {
                assertTrue(current.serving().contains(result.body()),
                        () -> "request started after the switch to " + current.serving() + " answered by " + result.body());
            }
        }
        for (TestBackend backend : blue) {
            backend.close();
        }
        for (TestBackend backend : green) {
            backend.close();
        }
    }

    @Test
    void drainLetsAnInFlightRequestFinishOnTheOldBackend() throws Exception {
        try (TestBackend old = TestBackend.start(vertx, "old"); TestBackend fresh = TestBackend.start(vertx, "fresh")) {
            router.setRoute("slow", Set.of("slow.example.com"), List.of(old.backend()));
            CompletableFuture<HttpResponse<String>> slow = client.getAsync("slow.example.com", "/slow?ms=1000");
            assertTrue(old.awaitSlowRequest(5), "slow request never reached the old backend");

            Set<Backend> left = router.setRoute("slow", Set.of("slow.example.com"), List.of(fresh.backend()));
            CompletableFuture<Void> drained = router.drain(left, Duration.ofSeconds(10));

            assertEquals(Set.of(old.backend()), left);
            assertEquals("fresh", client.get("slow.example.com", "/").body());
            Thread.sleep(300);
            assertFalse(slow.isDone());
            assertFalse(drained.isDone(), "drain must wait for the request in flight");
            HttpResponse<String> response = slow.get(5, TimeUnit.SECONDS);
            assertEquals(200, response.statusCode());
            assertEquals("old", response.body());
            drained.get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void requestOpenAtTheDrainDeadlineGets504() throws Exception {
        try (TestBackend old = TestBackend.start(vertx, "old"); TestBackend fresh = TestBackend.start(vertx, "fresh")) {
            router.setRoute("stuck", Set.of("stuck.example.com"), List.of(old.backend()));
            CompletableFuture<HttpResponse<String>> stuck = client.getAsync("stuck.example.com", "/slow?ms=15000");
            assertTrue(old.awaitSlowRequest(5), "slow request never reached the old backend");

            Set<Backend> left = router.setRoute("stuck", Set.of("stuck.example.com"), List.of(fresh.backend()));
            long drainStart = System.nanoTime();
            CompletableFuture<Void> drained = router.drain(left, Duration.ofMillis(500));
            HttpResponse<String> response = stuck.get(5, TimeUnit.SECONDS);
            long waitedMillis = (System.nanoTime() - drainStart) / 1_000_000;
            drained.get(5, TimeUnit.SECONDS);

            assertEquals(504, response.statusCode());
            assertEquals("error", response.headers().firstValue("X-Gantry-Router").orElseThrow());
            assertTrue(waitedMillis >= 450 && waitedMillis < 3000, "answered after " + waitedMillis + " ms");
            assertEquals("fresh", client.get("stuck.example.com", "/").body());
        }
    }

    /** The swap that decided a request's backend: the last one done before it started, if no later one began before it ended. */
    private static Swap servingAt(List<Swap> swaps, LoadLoop.Result result) {
        for (int i = swaps.size() - 1; i >= 0; i--) {
            if (swaps.get(i).doneNanos() < result.startNanos()) {
                boolean nextBeganMeanwhile = i + 1 < swaps.size() && swaps.get(i + 1).startNanos() < result.endNanos();
                return nextBeganMeanwhile ? null : swaps.get(i);
            }
        }
        return null;
    }

    private static List<Backend> backends(List<TestBackend> backends) {
        return backends.stream().map(TestBackend::backend).toList();
    }

    private static Set<String> names(List<TestBackend> backends) {
        return Set.copyOf(backends.stream().map(TestBackend::name).toList());
    }
}
