package dev.gantry.router;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** X-Forwarded-Port, X-Request-Id and the access log. */
class RouterRequestHeadersTest {

    private static LoopbackRouter net;
    private static Router router;
    private static TestClient client;
    private static TestBackend a;

    @BeforeAll
    static void start() throws Exception {
        net = LoopbackRouter.start();
        router = net.router;
        client = net.client;
        a = net.backend("a");
        router.setRoute("shop", Set.of("shop.example.com"), List.of(a.backend()));
    }

    @AfterAll
    static void stop() throws Exception {
        net.close();
    }

    @Test
    void forwardedPortIsTheHostsPortOrElseTheRoutersOwn() throws Exception {
        assertEquals("8443", seenByBackend(client.get("shop.example.com:8443", "/headers")).get("x-forwarded-port"));
        assertEquals(Integer.toString(router.port()),
                seenByBackend(client.get("shop.example.com", "/headers")).get("x-forwarded-port"));
    }

    @Test
    void requestIdIsGeneratedWhenMissingAndReturnedToTheClient() throws Exception {
        HttpResponse<String> first = client.get("shop.example.com", "/headers");
        HttpResponse<String> second = client.get("shop.example.com", "/headers");

        String id = first.headers().firstValue("X-Request-Id").orElseThrow();
        assertTrue(id.matches("[0-9a-f]{32}"), id);
        assertEquals(id, seenByBackend(first).get("x-request-id"));
        assertTrue(!id.equals(second.headers().firstValue("X-Request-Id").orElseThrow()));
    }

    @Test
    void requestIdFromTheClientIsKept() throws Exception {
        HttpResponse<String> response = client.send(client.request("shop.example.com", "/headers")
                .header("X-Request-Id", "trace-42"), HttpResponse.BodyHandlers.ofString());

        assertEquals("trace-42", seenByBackend(response).get("x-request-id"));
        assertEquals(List.of("trace-42"), response.headers().allValues("X-Request-Id"));
    }

    @Test
    void routerErrorPagesCarryTheRequestIdToo() throws Exception {
        HttpResponse<String> response = client.send(client.request("nobody.example.com", "/")
                .header("X-Request-Id", "trace-404"), HttpResponse.BodyHandlers.ofString());

        assertEquals(404, response.statusCode());
        assertEquals("trace-404", response.headers().firstValue("X-Request-Id").orElseThrow());
    }

    @Test
    void everyRequestGetsOneAccessLogLine() throws Exception {
        List<String> logged = AccessLogLines.of("logged-1", () -> client.send(
                client.request("shop.example.com", "/?status=201").header("X-Request-Id", "logged-1"),
                HttpResponse.BodyHandlers.ofString()));

        assertEquals(1, logged.size(), logged.toString());
        assertTrue(logged.get(0).matches("shop GET / 201 \\d+ms " + a.backend().toString().replace(".", "\\.") + " logged-1"),
                logged.get(0));
    }

    @Test
    void aRequestForAHostNoAppAnswersOnIsLoggedWithoutAppOrBackend() throws Exception {
        List<String> logged = AccessLogLines.of("logged-2", () -> client.send(
                client.request("nothing.example.com", "/missing?page=2").header("X-Request-Id", "logged-2"),
                HttpResponse.BodyHandlers.ofString()));

        assertEquals(List.of("- GET /missing 404 0ms - logged-2"), logged);
    }

    private static Map<String, String> seenByBackend(HttpResponse<String> response) {
        Map<String, String> headers = new HashMap<>();
        response.body().lines().forEach(line -> {
            int colon = line.indexOf(": ");
            headers.put(line.substring(0, colon), line.substring(colon + 2));
        });
        return headers;
    }
}
