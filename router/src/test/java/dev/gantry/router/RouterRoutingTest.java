package dev.gantry.router;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gantry.router.api.Backend;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RouterRoutingTest {

    private static LoopbackRouter net;
    private static Router router;
    private static TestClient client;
    private static TestBackend a;
    private static TestBackend b;

    @BeforeAll
    static void start() throws Exception {
        net = LoopbackRouter.start();
        router = net.router;
        client = net.client;
        a = net.backend("a");
        b = net.backend("b");
    }

    @AfterAll
    static void stop() throws Exception {
        net.close();
    }

    @AfterEach
    void clearRoutes() {
        router.routes().keySet().forEach(router::removeRoute);
    }

    @Test
    void routesByHostIgnoringCaseAndPort() throws Exception {
        router.setRoute("shop", Set.of("shop.example.com"), List.of(a.backend()));
        router.setRoute("blog", Set.of("Blog.Example.com"), List.of(b.backend()));

        assertEquals("a", client.get("shop.example.com", "/").body());
        assertEquals("a", client.get("SHOP.example.COM:8080", "/").body());
        assertEquals("b", client.get("blog.example.com", "/").body());
        assertEquals("b", client.get("blog.example.com:80", "/").body());
    }

    @Test
    void relaysStatusBodyAndHeaders() throws Exception {
        router.setRoute("shop", Set.of("shop.example.com"), List.of(a.backend()));

        HttpResponse<String> response = client.get("shop.example.com", "/?status=418");

        assertEquals(418, response.statusCode());
        assertEquals("a", response.body());
        assertEquals("a", response.headers().firstValue("X-Backend").orElseThrow());
        assertFalse(response.headers().firstValue("X-Gantry-Router").isPresent());
    }

    @Test
    void forwardsClientHostAndXForwardedHeadersAndDropsHopByHopHeaders() throws Exception {
        router.setRoute("shop", Set.of("shop.example.com"), List.of(a.backend()));

        HttpResponse<String> response = client.send(client.request("shop.example.com:8080", "/headers")
                        .header("X-Forwarded-For", "203.0.113.9")
                        .header("Connection", "X-Per-Hop")
                        .header("X-Per-Hop", "must not pass")
                        .header("Proxy-Authorization", "Basic c2VjcmV0")
                        .header("X-End-To-End", "kept"),
                HttpResponse.BodyHandlers.ofString());

        Map<String, String> seen = parseHeaders(response.body());
        assertEquals("shop.example.com:8080", seen.get("host"));
        assertEquals("203.0.113.9, 127.0.0.1", seen.get("x-forwarded-for"));
        assertEquals("http", seen.get("x-forwarded-proto"));
        assertEquals("shop.example.com:8080", seen.get("x-forwarded-host"));
        assertEquals("kept", seen.get("x-end-to-end"));
        assertNull(seen.get("x-per-hop"));
        assertNull(seen.get("proxy-authorization"));
    }

    @Test
    void unknownHostGets404FromTheRouter() throws Exception {
        router.setRoute("shop", Set.of("shop.example.com"), List.of(a.backend()));

        HttpResponse<String> response = client.get("nothing.example.com", "/");

        assertEquals(404, response.statusCode());
        assertTrue(response.body().contains("No app is routed at nothing.example.com"), response.body());
        assertEquals("error", response.headers().firstValue("X-Gantry-Router").orElseThrow());
    }

    @Test
    void appWithoutBackendsGets503() throws Exception {
        router.setRoute("idle", Set.of("idle.example.com"), List.of());

        HttpResponse<String> response = client.get("idle.example.com", "/");

        assertEquals(503, response.statusCode());
        assertTrue(response.body().contains("idle has no running web instances"), response.body());
        assertEquals("error", response.headers().firstValue("X-Gantry-Router").orElseThrow());
    }

    @Test
    void postToDeadBackendGets502() throws Exception {
        router.setRoute("down", Set.of("down.example.com"), List.of(TestBackend.dead()));

        HttpResponse<String> response = client.send(client.request("down.example.com", "/")
                .POST(HttpRequest.BodyPublishers.ofString("order=1")), HttpResponse.BodyHandlers.ofString());

        assertEquals(502, response.statusCode());
        assertEquals("error", response.headers().firstValue("X-Gantry-Router").orElseThrow());
    }

    @Test
    void getIsRetriedOnTheNextBackendWhenOneIsDead() throws Exception {
        router.setRoute("half", Set.of("half.example.com"), List.of(TestBackend.dead(), a.backend()));

        for (int i = 0; i < 20; i++) {
            HttpResponse<String> response = client.get("half.example.com", "/");
            assertEquals(200, response.statusCode(), "request " + i);
            assertEquals("a", response.body());
        }
    }

    @Test
    void getGets502WhenEveryBackendIsDead() throws Exception {
        router.setRoute("down", Set.of("down.example.com"), List.of(TestBackend.dead(), TestBackend.dead()));

        HttpResponse<String> response = client.get("down.example.com", "/");

        assertEquals(502, response.statusCode());
        assertTrue(response.body().contains("down could not be reached"), response.body());
    }

    @Test
    void spreadsRequestsRoundRobin() throws Exception {
        router.setRoute("shop", Set.of("shop.example.com"), List.of(a.backend(), b.backend()));

        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < 10; i++) {
            counts.merge(client.get("shop.example.com", "/").body(), 1, Integer::sum);
        }

        assertEquals(Map.of("a", 5, "b", 5), counts);
    }

    @Test
    void hostnameOfAnotherAppIsRefused() {
        router.setRoute("one", Set.of("taken.example.com"), List.of(a.backend()));

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> router.setRoute("two", Set.of("other.example.com", "TAKEN.example.com"), List.of(b.backend())));

        assertTrue(refused.getMessage().contains("taken.example.com is already routed to app one"), refused.getMessage());
        assertEquals(Set.of("one"), router.routes().keySet());
    }

    @Test
    void setRouteReturnsTheBackendsThatLeft() throws Exception {
        Backend c = TestBackend.dead();
        router.setRoute("shop", Set.of("shop.example.com"), List.of(a.backend(), b.backend()));

        Set<Backend> left = router.setRoute("shop", Set.of("shop.example.com"), List.of(b.backend(), c));

        assertEquals(Set.of(a.backend()), left);
        assertEquals(List.of(b.backend(), c), router.routes().get("shop").backends());
    }

    @Test
    void removedRouteAnswers404() throws Exception {
        router.setRoute("shop", Set.of("shop.example.com"), List.of(a.backend()));
        assertEquals(200, client.get("shop.example.com", "/").statusCode());

        router.removeRoute("shop");

        assertEquals(404, client.get("shop.example.com", "/").statusCode());
    }

    @Test
    void backendSilentPastTheIdleTimeoutGets504() throws Exception {
        router.setRoute("slow", Set.of("slow.example.com"), List.of(a.backend()));
        RouterOptions impatient = RouterOptions.defaults().withBindHost("127.0.0.1").withPort(0)
                .withBackendIdleTimeout(Duration.ofMillis(300));
        try (Router other = new Router(net.vertx, impatient)) {
            other.setRoute("slow", Set.of("slow.example.com"), List.of(a.backend()));
            other.start();

            HttpResponse<String> response = new TestClient(other.port()).get("slow.example.com", "/slow?ms=5000");

            assertEquals(504, response.statusCode());
            assertEquals("error", response.headers().firstValue("X-Gantry-Router").orElseThrow());
        }
    }

    @Test
    void startFailsWhenThePortIsTaken() {
        Router second = new Router(net.vertx, RouterOptions.defaults().withBindHost("127.0.0.1").withPort(router.port()));

        IllegalStateException failure = assertThrows(IllegalStateException.class, second::start);

        assertTrue(failure.getMessage().startsWith("Router could not listen on 127.0.0.1:" + router.port()),
                failure.getMessage());
        second.close();
    }

    @Test
    void escapesTheHostInTheErrorPage() {
        assertEquals("No app is routed at &lt;b&gt;&amp;&quot;&#39;",
                RouterResponses.escape("No app is routed at <b>&\"'"));
    }

    @Test
    void drainOfIdleBackendsCompletesAtOnce() {
        router.setRoute("shop", Set.of("shop.example.com"), List.of(a.backend()));

        assertTrue(router.drain(Set.of(a.backend()), Duration.ofSeconds(30)).isDone());
    }

    private static Map<String, String> parseHeaders(String body) {
        Map<String, String> headers = new HashMap<>();
        body.lines().forEach(line -> {
            int colon = line.indexOf(": ");
            headers.put(line.substring(0, colon), line.substring(colon + 2));
        });
        return headers;
    }
}
