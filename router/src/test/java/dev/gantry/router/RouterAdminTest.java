package dev.gantry.router;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gantry.router.api.AppRoute;
import dev.gantry.router.api.AppStats;
import dev.gantry.router.api.Backend;
import dev.gantry.router.api.BackendStats;
import dev.gantry.router.api.RouterAdminClient;
import dev.gantry.router.api.RouterUnavailableException;
import dev.gantry.router.api.SelfSignedCertificates;
import dev.gantry.router.api.TlsCertificate;
import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The control plane's view of a router in its own process: the admin interface through its client. */
class RouterAdminTest {

    private static final String TOKEN = "0123456789abcdef0123456789abcdef";

    @TempDir
    static Path home;
    private static Vertx vertx;
    private static Router router;
    private static RouterAdminServer admin;
    private static RouterAdminClient control;
    private static TestBackend a;
    private static TestBackend b;
    private static TestClient client;

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        router = new Router(vertx, RouterOptions.defaults().withBindHost("127.0.0.1").withPort(0)
                .withStateFile(home.resolve("router/routes.json")));
        router.start();
        admin = new RouterAdminServer(router, TOKEN, 0);
        admin.start();
        control = new RouterAdminClient(URI.create("http://127.0.0.1:" + admin.port()), TOKEN);
        a = TestBackend.start(vertx, "a");
        b = TestBackend.start(vertx, "b");
        client = new TestClient(router.port());
    }

    @AfterAll
    static void stop() throws Exception {
        admin.close();
        router.close();
        a.close();
        b.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void clearRoutes() {
        control.routes().keySet().forEach(control::removeRoute);
    }

    @Test
    void refusesRequestsWithoutTheToken() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI routes = URI.create("http://127.0.0.1:" + admin.port() + "/admin/routes");

        HttpResponse<String> none = http.send(HttpRequest.newBuilder(routes).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> wrong = http.send(HttpRequest.newBuilder(routes)
                .header("Authorization", "Bearer " + TOKEN.replace('0', '1')).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(routes.resolve("/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(401, none.statusCode());
        assertEquals(401, wrong.statusCode());
        assertEquals(401, metrics.statusCode());
        assertTrue(none.body().contains("admin token"), none.body());
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> new RouterAdminClient(routes.resolve("/"), "not-the-token").routes());
        assertTrue(refused.getMessage().contains("refused the admin token"), refused.getMessage());
    }

    @Test
    void certificatesAndTheRedirectTravelWithTheRoute() throws Exception {
        TlsCertificate shop = SelfSignedCertificates.generate(List.of("shop.example.com"), 30);
        AppRoute route = new AppRoute("shop", Set.of("shop.example.com"), List.of(a.backend()), List.of(shop), true);

        control.setRoute(route);
        control.setDefaultCertificate(SelfSignedCertificates.generate(List.of("*.gantry.test"), 30));

        assertEquals(Map.of("shop", route), control.routes());
        assertEquals(200, client.get("shop.example.com", "/").statusCode(), "no HTTPS listener here, so no redirect");
    }

    @Test
    void setRouteThroughTheClientServesRequests() throws Exception {
        Set<Backend> removed = control.setRoute("shop", Set.of("shop.example.com"), List.of(a.backend()));

        assertEquals(Set.of(), removed);
        assertEquals("a", client.get("shop.example.com", "/").body());
        assertEquals(Map.of("shop", new AppRoute("shop", Set.of("shop.example.com"), List.of(a.backend()))),
                control.routes());

        assertEquals(Set.of(a.backend()), control.setRoute("shop", Set.of("shop.example.com"), List.of(b.backend())));
        assertEquals("b", client.get("shop.example.com", "/").body());

        control.removeRoute("shop");
        assertEquals(404, client.get("shop.example.com", "/").statusCode());
    }

    @Test
    void hostnameOfAnotherAppIsRefusedWithTheRoutersMessageAndNothingChanges() {
        control.setRoute("one", Set.of("taken.example.com"), List.of(a.backend()));
        Map<String, AppRoute> before = control.routes();

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> control.setRoute("two", Set.of("TAKEN.example.com"), List.of(b.backend())));

        assertEquals("route two: hostname taken.example.com is already routed to app one; remove it from one first",
                refused.getMessage());
        assertEquals(before, control.routes());
        assertEquals(before, router.routes());
    }

    @Test
    void invalidBackendIsRefusedWithTheField() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + admin.port() + "/admin/routes/shop"))
                .header("Authorization", "Bearer " + TOKEN)
                .PUT(HttpRequest.BodyPublishers.ofString("{\"hostnames\":[\"shop.example.com\"],\"backends\":[{\"host\":\"127.0.0.1\",\"port\":70000}]}"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("backends[0].port: must be a whole number 1..65535, was 70000"), response.body());
        assertEquals(Map.of(), control.routes());
    }

    @Test
    void drainThroughTheClientWaitsForARequestInFlight() throws Exception {
        control.setRoute("shop", Set.of("shop.example.com"), List.of(a.backend()));
        long sent = System.nanoTime();
        CompletableFuture<HttpResponse<String>> slow = client.getAsync("shop.example.com", "/slow?ms=1500");
        assertTrue(a.awaitSlowRequest(10), "the slow request reached the backend");

        Set<Backend> left = control.setRoute("shop", Set.of("shop.example.com"), List.of(b.backend()));
        CompletableFuture<Void> drained = control.drain(left, Duration.ofSeconds(30));

        Thread.sleep(300);
        assertFalse(drained.isDone(), "the drain waits for the request in flight");
        drained.get(20, TimeUnit.SECONDS);
        // The backend answers 1.5 s after the request reached it. Timed rather than asking the client:
        // the router is done when it has sent the answer, a moment before the client has read it.
        long drainedAfterMillis = (System.nanoTime() - sent) / 1_000_000;
        assertTrue(drainedAfterMillis >= 1_500, "drained only after the slow request was answered, not after "
                + drainedAfterMillis + " ms");
        HttpResponse<String> answer = slow.get(5, TimeUnit.SECONDS);
        assertEquals(200, answer.statusCode());
        assertEquals("a", answer.body());
    }

    @Test
    void statsCountResponsesByClassRouterErrorsAndBackendFailures() throws Exception {
        control.setRoute("stats", Set.of("stats.example.com"), List.of(a.backend()));
        Backend dead = TestBackend.dead();
        control.setRoute("stats-down", Set.of("down.example.com"), List.of(dead));
        for (int i = 0; i < 3; i++) {
            assertEquals(200, client.get("stats.example.com", "/").statusCode());
        }
        for (int i = 0; i < 2; i++) {
            assertEquals(500, client.get("stats.example.com", "/?status=500").statusCode());
        }
        assertEquals(404, client.get("stats.example.com", "/?status=404").statusCode());
        assertEquals(502, client.get("down.example.com", "/").statusCode());

        // A response is counted when the router has finished writing it, a moment after the client has it.
        Map<String, AppStats> stats = control.stats();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while ((stats.get("stats").responses() < 6 || stats.get("stats-down").responses() < 1)
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
            stats = control.stats();
        }

        AppStats shop = stats.get("stats");
        assertEquals(3, shop.responses2xx());
        assertEquals(1, shop.responses4xx());
        assertEquals(2, shop.responses5xx());
        assertEquals(0, shop.routerErrors502() + shop.routerErrors503() + shop.routerErrors504());
        assertEquals(0, shop.inFlight());
        assertEquals(List.of(new BackendStats(a.backend(), 2, 0, true)), shop.backends());
        assertEquals(6, shop.latencyBuckets().get(AppStats.LATENCY_BOUNDS_SECONDS.size()),
                "every response in the latency histogram, through the admin interface: " + shop.latencyBuckets());
        AppStats down = stats.get("stats-down");
        assertEquals(1, down.responses5xx());
        assertEquals(1, down.routerErrors502());
        assertEquals(List.of(new BackendStats(dead, 0, 1, false)), down.backends());

        String metrics = control.metrics();
        assertTrue(metrics.contains("gantry_router_requests_total{app=\"stats\",class=\"2xx\"} 3\n"), metrics);
        assertTrue(metrics.contains("gantry_router_errors_total{app=\"stats-down\",status=\"502\"} 1\n"), metrics);
        assertTrue(metrics.contains("gantry_router_request_duration_seconds_count{app=\"stats\"} 6\n"), metrics);
        assertTrue(metrics.contains("gantry_router_in_flight{app=\"stats\"} 0\n"), metrics);
    }

    @Test
    void aPatientClientRidesOutAMomentWithoutTheAdminInterfaceAsDuringAHandover() throws Exception {
        int port = TestBackend.dead().port();
        RouterAdminClient patient = new RouterAdminClient(URI.create("http://127.0.0.1:" + port), TOKEN, null,
                Duration.ofSeconds(10));
        RouterAdminServer late = new RouterAdminServer(router, TOKEN, port);
        CompletableFuture<Void> opened = CompletableFuture.runAsync(() -> {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            late.start();
        });
        try {
            patient.setRoute("late", Set.of("late.example.com"), List.of(a.backend()));

            assertEquals(List.of(a.backend()), router.routes().get("late").backends());
        } finally {
            opened.join();
            late.close();
        }
    }

    @Test
    void aRouterThatDoesNotAnswerIsReportedWithTheFix() throws Exception {
        int port = TestBackend.dead().port();
        RouterAdminClient nobody = new RouterAdminClient(URI.create("http://127.0.0.1:" + port + "/"), TOKEN);

        RouterUnavailableException down = assertThrows(RouterUnavailableException.class,
                () -> nobody.setRoute("shop", Set.of("shop.example.com"), List.of(a.backend())));

        assertEquals("the router's admin interface at http://127.0.0.1:" + port
                + " does not answer. Start the router (./gantry up) and retry", down.getMessage());
    }
}
