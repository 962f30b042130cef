package dev.gantry.router;

import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An embedded router on an ephemeral 127.0.0.1 port, its own Vert.x, the test backends it routes
 * to, and a client pointed at it: what most router tests start from. Closing it closes all of them.
 */
final class LoopbackRouter implements AutoCloseable {

    final Vertx vertx = Vertx.vertx();
    final Router router;
    final TestClient client;
    private final List<TestBackend> backends = new ArrayList<>();

    private LoopbackRouter() {
        router = new Router(vertx, RouterOptions.defaults().withBindHost("127.0.0.1").withPort(0));
        router.start();
        client = new TestClient(router.port());
    }

    static LoopbackRouter start() {
        return new LoopbackRouter();
    }

    /** A backend answering with its name, closed with the router. */
    TestBackend backend(String name) throws Exception {
        TestBackend backend = TestBackend.start(vertx, name);
        backends.add(backend);
        return backend;
    }

    @Override
    public void close() throws Exception {
        router.close();
        for (TestBackend backend : backends) {
            backend.close();
        }
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
