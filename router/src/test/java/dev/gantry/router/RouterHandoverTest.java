package dev.gantry.router;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gantry.router.api.AppRoute;
import dev.gantry.router.api.SelfSignedCertificates;
import dev.gantry.router.api.TlsCertificate;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A restart without a failed request (fault case F12), within one JVM: a successor router binds the
 * same port beside the running one (SO_REUSEPORT), then the old one stops ({@link Router#shutdown}).
 */
class RouterHandoverTest {

    private static final String HOST = "web.example.com";
    private static final Duration DRAIN = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    @Test
    void aSuccessorTakesOverThePortUnderLoadWithoutAFailedRequest() throws Exception {
        try (LoopbackRouter old = LoopbackRouter.startForHandover(dir.resolve("routes.json"))) {
            old.router.setRoute("web", Set.of(HOST), List.of(old.backend("app").backend()));
            LoadLoop load = LoadLoop.start(4, old.router.port(), HOST, "/");
            load.awaitMore(400);

            try (LoopbackRouter successor = old.successor()) {
                load.awaitMore(400);
                long stopping = System.nanoTime();
                old.router.shutdown(DRAIN);
                long stopMillis = (System.nanoTime() - stopping) / 1_000_000;
                load.awaitMore(400);
                List<LoadLoop.Result> results = load.stop();

                assertTrue(results.size() >= 1_200, "too little load to mean anything: " + results.size());
                List<LoadLoop.Result> failed = results.stream().filter(r -> !r.ok()).toList();
                assertEquals(List.of(), failed, "failed or non-2xx requests across the handover");
                assertTrue(stopMillis < DRAIN.toMillis() / 2,
                        "the old router closed its idle connections and stopped in " + stopMillis + " ms");
                assertTrue(successor.router.stats().get("web").responses2xx() > 0, "the successor took the load");
            }
        }
    }

    @Test
    void theOldRouterFinishesARequestInFlightBeforeItStops() throws Exception {
        try (LoopbackRouter old = LoopbackRouter.startForHandover(dir.resolve("routes.json"))) {
            TestBackend app = old.backend("app");
            old.router.setRoute("web", Set.of(HOST), List.of(app.backend()));
            CompletableFuture<HttpResponse<String>> slow = old.client.getAsync(HOST, "/slow?ms=1500");
            assertTrue(app.awaitSlowRequest(5), "the slow request never reached the app");

            try (LoopbackRouter successor = old.successor()) {
                CompletableFuture<Void> stopped = CompletableFuture.runAsync(() -> old.router.shutdown(DRAIN));
                assertEquals(200, successor.client.get(HOST, "/").statusCode(), "the successor serves meanwhile");
                assertFalse(stopped.isDone(), "the old router waits for its request in flight");

                HttpResponse<String> response = slow.get(10, TimeUnit.SECONDS);
                assertEquals(200, response.statusCode());
                assertEquals("app", response.body());
                assertEquals("close", response.headers().firstValue("Connection").orElse(""),
                        "the client is asked to take its next request elsewhere");
                stopped.get(5, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void aSuccessorServesHttpsOnTheSamePortWithTheSavedCertificates() throws Exception {
        TlsCertificate certificate = SelfSignedCertificates.generate(List.of(HOST), 30);
        try (LoopbackRouter old = LoopbackRouter.startForHandover(dir.resolve("routes.json"))) {
            old.router.setRoute(new AppRoute("web", Set.of(HOST), List.of(old.backend("app").backend()),
                    List.of(certificate), false));
            int httpsPort = old.router.httpsPort();

            try (LoopbackRouter successor = old.successor()) {
                old.router.shutdown(DRAIN);
                TlsClient.Answer answer = TlsClient.get(httpsPort, HOST, HOST);

                assertEquals(httpsPort, successor.router.httpsPort());
                assertEquals(certificate.certificate(), answer.certificate());
                assertTrue(answer.response().endsWith("app"), answer.response());
            }
        }
    }
}
