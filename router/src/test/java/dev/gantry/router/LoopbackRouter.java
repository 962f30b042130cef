package dev.gantry.router;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An embedded router on an ephemeral 127.0.0.1 port, its own Vert.x, the test backends it routes
 * to, and a client pointed at it: what most router tests start from. Closing it closes all of them.
 */
final class LoopbackRouter implements AutoCloseable {

    final Vertx vertx;
    final Router router;
    final TestClient client;
    private final RouterOptions options;
    private final List<TestBackend> backends = new ArrayList<>();

    private LoopbackRouter(Vertx vertx, RouterOptions options) {
        this.vertx = vertx;
        this.options = options;
        router = new Router(vertx, options);
        router.start();
        client = new TestClient(router.port());
    }

    static LoopbackRouter start() {
        return new LoopbackRouter(Vertx.vertx(), RouterOptions.defaults().withBindHost("127.0.0.1").withPort(0));
    }

    /**
     * A router as {@link RouterMain} runs it, which a {@link #successor()} can take over from: on the
     * epoll transport, bound with SO_REUSEPORT, serving HTTP and HTTPS, its table saved to {@code stateFile}.
     */
    static LoopbackRouter startForHandover(Path stateFile) {
        return new LoopbackRouter(handoverVertx(), RouterOptions.defaults().withBindHost("127.0.0.1").withPort(0)
                .withHttpsPort(0).withStateFile(stateFile).withReusePort(true));
    }

    /**
     * A second router on this one's ports, on a Vert.x of its own (so with a listening socket of its
     * own), serving the table this one saved. It routes to this one's backends.
     */
    LoopbackRouter successor() {
        return new LoopbackRouter(handoverVertx(), options.withPort(router.port()).withHttpsPort(router.httpsPort()));
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

    private static Vertx handoverVertx() {
        Vertx vertx = HandoverTransport.vertx(new VertxOptions());
        if (!vertx.isNativeTransportEnabled()) {
            vertx.close();
            throw new AssertionError("a handover needs the epoll transport: " + vertx.unavailableNativeTransportCause());
        }
        return vertx;
    }
}
