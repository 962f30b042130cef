package dev.gantry.router;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gantry.router.api.Backend;
import dev.gantry.router.api.BackendStats;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A backend that refuses connections leaves the rotation, and comes back once it accepts them. */
class RouterPassiveHealthTest {

    private Vertx vertx;
    private Router router;
    private TestBackend a;
    private TestClient client;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        router = new Router(vertx, RouterOptions.defaults().withBindHost("127.0.0.1").withPort(0));
        router.start();
        a = TestBackend.start(vertx, "a");
        client = new TestClient(router.port());
    }

    @AfterEach
    void stop() throws Exception {
        router.close();
        a.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void aDeadBackendIsTriedOnceThenSkippedUntilItAnswersAgain() throws Exception {
        Backend dead = TestBackend.dead();
        router.setRoute("shop", Set.of("shop.example.com"), List.of(dead, a.backend()));

        for (int i = 0; i < 20; i++) {
            assertEquals("a", client.get("shop.example.com", "/").body(), "request " + i);
        }
        BackendStats down = backendStats(dead);
        assertEquals(1, down.connectFailures(), "only the first request tried the dead backend");
        assertFalse(down.healthy());

        try (TestBackend revived = TestBackend.startOn(vertx, "revived", dead.port())) {
            // The router probes it (1 s, then 2 s, 4 s ...): bounded wait for it to get traffic again.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (revived.requests() == 0 && System.nanoTime() < deadline) {
                assertEquals(200, client.get("shop.example.com", "/").statusCode());
                Thread.sleep(50);
            }
            assertTrue(revived.requests() > 0, "the revived backend gets requests again");
            assertTrue(backendStats(dead).healthy());
            assertEquals(1, backendStats(dead).connectFailures());
        }
    }

    @Test
    void whenEveryBackendIsOutOfRotationTheRouterStillTriesThem() throws Exception {
        Backend dead = TestBackend.dead();
        router.setRoute("solo", Set.of("solo.example.com"), List.of(dead));
        assertEquals(502, client.get("solo.example.com", "/").statusCode());
        assertFalse(backendStats("solo", dead).healthy());

        try (TestBackend revived = TestBackend.startOn(vertx, "revived", dead.port())) {
            // No waiting for a probe: out of rotation is no reason to answer 503 when nothing else is left.
            assertEquals("revived", client.get("solo.example.com", "/").body());
            assertTrue(backendStats("solo", dead).healthy());
        }
    }

    private BackendStats backendStats(Backend backend) {
        return backendStats("shop", backend);
    }

    private BackendStats backendStats(String app, Backend backend) {
        return router.stats().get(app).backends().stream()
                .filter(b -> b.backend().equals(backend)).findFirst().orElseThrow();
    }
}
