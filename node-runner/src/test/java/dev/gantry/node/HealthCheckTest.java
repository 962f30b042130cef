package dev.gantry.node;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HealthCheckTest {

    private HttpServer server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void passesOnceTheAppAnswersBelow500() throws IOException {
        AtomicInteger calls = new AtomicInteger();
        int port = serve(() -> calls.incrementAndGet() < 3 ? 503 : 404);

        HealthCheck.http("127.0.0.1", port, "/up", Duration.ofSeconds(1))
                .waitUntilHealthy(Duration.ofSeconds(5), Duration.ofMillis(20), () -> true);
        assertEquals(3, calls.get());
    }

    @Test
    void timesOutSayingWhatItSawLast() throws IOException {
        int port = serve(() -> 503);
        HealthCheck check = HealthCheck.http("127.0.0.1", port, "/up", Duration.ofSeconds(1));

        HealthCheckFailedException e = assertThrows(HealthCheckFailedException.class,
                () -> check.waitUntilHealthy(Duration.ofMillis(300), Duration.ofMillis(50), () -> true));
        assertEquals("health check of http://127.0.0.1:" + port + "/up failed: no healthy answer within 300ms"
                + " (last seen: status 503)", e.getMessage());
    }

    @Test
    void failsAtOnceWhenTheInstanceIsGone() throws IOException {
        int port = unusedPort();
        HealthCheck check = HealthCheck.http("127.0.0.1", port, "/", Duration.ofSeconds(1));

        HealthCheckFailedException e = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> assertThrows(
                HealthCheckFailedException.class,
                () -> check.waitUntilHealthy(Duration.ofMinutes(5), Duration.ofSeconds(1), () -> false)));
        assertEquals("health check of http://127.0.0.1:" + port + "/ failed: the container exited"
                + " (last seen: connection refused)", e.getMessage());
    }

    @Test
    void anAppThatAcceptsButNeverAnswersFailsAtTheDeadlineNotAfterItsAttemptTimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            HealthCheck check = HealthCheck.http("127.0.0.1", silent.getLocalPort(), "/", Duration.ofSeconds(30));

            HealthCheckFailedException e = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertThrows(
                    HealthCheckFailedException.class,
                    () -> check.waitUntilHealthy(Duration.ofSeconds(2), Duration.ofMillis(100), () -> true)));
            assertFalse(e.answered(), "nothing ever answered");
            assertTrue(e.getMessage().contains("no healthy answer within 2s"), e.getMessage());
        }
    }

    @Test
    void saysEveryFewSecondsWhatItSeesWhileWaiting() throws IOException {
        int port = serve(() -> 503);
        List<String> reports = new CopyOnWriteArrayList<>();

        HealthCheckFailedException e = assertThrows(HealthCheckFailedException.class,
                () -> HealthCheck.http("127.0.0.1", port, "/", Duration.ofSeconds(1)).waitUntilHealthy(
                        Duration.ofMillis(6_500), Duration.ofMillis(100), () -> true,
                        (waited, lastSeen) -> reports.add(waited.toSeconds() + "s: " + lastSeen)));

        assertEquals(List.of("5s: status 503"), reports);
        assertTrue(e.answered(), "the app answered, with 503");
    }

    @Test
    void checksOfManyInstancesAddNoThreadsPerCheck() throws IOException {
        int port = serve(() -> 200);
        HealthCheck.http("127.0.0.1", port, "/", Duration.ofSeconds(1)).attempt();
        long before = httpClientSelectors();

        for (int i = 0; i < 20; i++) {
            assertEquals(Optional.empty(), HealthCheck.http("127.0.0.1", port, "/", Duration.ofSeconds(1)).attempt());
        }

        assertEquals(before, httpClientSelectors(), "an HTTP client (and its threads) per check");
    }

    @Test
    void withExpectedContentTheBodyMustContainIt() throws IOException {
        AtomicInteger calls = new AtomicInteger();
        int port = serve(() -> 200, () -> calls.incrementAndGet() < 3 ? "starting" : "<p>all systems go</p>");
        HealthCheck check = HealthCheck.http("127.0.0.1", port, "/up", Duration.ofSeconds(1)).containing("systems go");

        assertEquals(Optional.of("status 200 without 'systems go' in the body"), check.attempt());
        check.waitUntilHealthy(Duration.ofSeconds(5), Duration.ofMillis(20), () -> true);
        assertEquals(3, calls.get());
    }

    @Test
    void refusesTargetsThatCannotBeChecked() {
        assertThrows(IllegalArgumentException.class, () -> HealthCheck.http("127.0.0.1", 0, "/", Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> HealthCheck.http("127.0.0.1", 80, "up", Duration.ofSeconds(1)));
    }

    private int serve(java.util.function.IntSupplier status) throws IOException {
        return serve(status, () -> "");
    }

    private int serve(java.util.function.IntSupplier status, Supplier<String> body) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] bytes = body.get().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status.getAsInt(), bytes.length == 0 ? -1 : bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        return server.getAddress().getPort();
    }

    /** Each JDK HttpClient runs one selector thread for as long as it lives. */
    private static long httpClientSelectors() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().endsWith("-SelectorManager")).count();
    }

    private static int unusedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
