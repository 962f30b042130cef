package dev.gantry.router;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gantry.router.api.EmbeddedRouter;
import dev.gantry.router.api.EmbeddedRouterFactory;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Embedded mode finds this module's router by its service file alone, as the control plane does. */
class EmbeddedRouterProviderTest {

    @Test
    void theFactoryOnTheClassPathStartsARouterThatServes() throws Exception {
        Vertx vertx = Vertx.vertx();
        TestBackend backend = TestBackend.start(vertx, "a");
        try (EmbeddedRouter router = EmbeddedRouterFactory.load().start(vertx, "127.0.0.1", 0, -1)) {
            router.setRoute("shop", Set.of("shop.example.com"), List.of(backend.backend()));

            assertEquals("a", new TestClient(((Router) router).port()).get("shop.example.com", "/").body());
        } finally {
            backend.close();
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }
}
