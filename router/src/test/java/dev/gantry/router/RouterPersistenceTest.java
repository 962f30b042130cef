package dev.gantry.router;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gantry.router.api.AppRoute;
import dev.gantry.router.api.SelfSignedCertificates;
import dev.gantry.router.api.TlsCertificate;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The route table survives a router restart (kamal-proxy's TestRouter_RestoreLastSavedState). */
class RouterPersistenceTest {

    @TempDir
    Path dir;
    private Vertx vertx;
    private TestBackend a;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        a = TestBackend.start(vertx, "a");
    }

    @AfterEach
    void stop() throws Exception {
        a.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void aRestartedRouterServesTheLastSavedTableAtOnce() throws Exception {
        Path state = dir.resolve("router/routes.json");
        try (Router first = router(state)) {
            first.start();
            first.setRoute("shop", Set.of("shop.example.com"), List.of(a.backend()));
            first.setRoute("blog", Set.of("blog.example.com"), List.of(a.backend()));
            first.removeRoute("blog");
        }

        try (Router second = router(state)) {
            second.start();

            // The very first request, with no call from any control plane.
            assertEquals("a", new TestClient(second.port()).get("shop.example.com", "/").body());
            assertEquals(Map.of("shop", new AppRoute("shop", Set.of("shop.example.com"), List.of(a.backend()))),
                    second.routes());
        }
    }

    @Test
    void certificatesAreSavedForTheOwnerOnlyAndServedAfterARestart() throws Exception {
        Path state = dir.resolve("router/routes.json");
        TlsCertificate shop = SelfSignedCertificates.generate(List.of("shop.example.com"), 30);
        TlsCertificate fallback = SelfSignedCertificates.generate(List.of("*.gantry.test"), 30);
        try (Router first = new Router(vertx, RouterOptions.defaults().withBindHost("127.0.0.1").withPort(0)
                .withStateFile(state))) {
            first.start();
            first.setRoute(new AppRoute("shop", Set.of("shop.example.com"), List.of(a.backend()), List.of(shop), true));
            first.setDefaultCertificate(fallback);
        }

        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(state));
        try (Router second = new Router(vertx, RouterOptions.defaults().withBindHost("127.0.0.1").withPort(0)
                .withHttpsPort(0).withStateFile(state))) {
            second.start();

            assertEquals(shop.certificate(), TlsClient.get(second.httpsPort(), "shop.example.com", "x").certificate());
            assertEquals(fallback.certificate(), TlsClient.get(second.httpsPort(), "other.test", "x").certificate());
            assertEquals(308, new TestClient(second.port()).get("shop.example.com", "/").statusCode());
        }
    }

    @Test
    void aFailedSetRouteChangesNeitherTheTableNorTheFile() throws Exception {
        Path state = dir.resolve("routes.json");
        try (Router router = router(state)) {
            router.setRoute("one", Set.of("taken.example.com"), List.of(a.backend()));
            byte[] saved = Files.readAllBytes(state);
            Map<String, AppRoute> before = router.routes();

            assertThrows(IllegalArgumentException.class,
                    () -> router.setRoute("two", Set.of("taken.example.com"), List.of(a.backend())));
            assertThrows(IllegalArgumentException.class,
                    () -> router.setRoute("one", Set.of("bad host:80"), List.of(a.backend())));

            assertArrayEquals(saved, Files.readAllBytes(state));
            assertEquals(before, router.routes());
            try (Stream<Path> files = Files.list(dir)) {
                assertEquals(List.of(state), files.toList(), "no temporary file is left behind");
            }
        }
    }

    @Test
    void anUnreadableStateFileIsSetAsideAndTheRouterStartsEmpty() throws Exception {
        Path state = dir.resolve("routes.json");
        Files.writeString(state, "{\"routes\": {\"shop\": {\"hostnames\": \"not a list\"");

        try (Router router = router(state)) {
            assertEquals(Map.of(), router.routes());
            try (Stream<Path> files = Files.list(dir)) {
                assertTrue(files.anyMatch(f -> f.getFileName().toString().startsWith("routes.json.unreadable-")));
            }
            router.setRoute("shop", Set.of("shop.example.com"), List.of(a.backend()));
            assertTrue(Files.readString(state).contains("shop.example.com"));
        }
    }

    private Router router(Path state) {
        return new Router(vertx, RouterOptions.defaults().withBindHost("127.0.0.1").withPort(0).withStateFile(state));
    }
}
