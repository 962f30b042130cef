package dev.gantry.router;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gantry.router.api.Backend;
import java.net.URI;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** WebSockets pass through as a tunnel, and a drain closes them at its deadline. */
class RouterWebSocketTest {

    private static LoopbackRouter net;
    private static Router router;
    private static TestClient client;
    private static TestBackend backend;

    @BeforeAll
    static void start() throws Exception {
        net = LoopbackRouter.start();
        router = net.router;
        client = net.client;
        backend = net.backend("chat");
        router.setRoute("chat", Set.of("chat.example.com"), List.of(backend.backend()));
    }

    @AfterAll
    static void stop() throws Exception {
        net.close();
    }

    @Test
    void messagesCrossTheRouterAndADrainClosesTheSocketAtItsDeadline() throws Exception {
        Messages messages = new Messages();
        WebSocket socket = client.http().newWebSocketBuilder()
                .header("Host", "chat.example.com")
                .buildAsync(URI.create("ws://127.0.0.1:" + router.port() + "/socket"), messages)
                .get(10, TimeUnit.SECONDS);

        socket.sendText("hello", true).get(5, TimeUnit.SECONDS);
        assertEquals("chat:hello", messages.received.poll(5, TimeUnit.SECONDS));
        socket.sendText("again", true).get(5, TimeUnit.SECONDS);
        assertEquals("chat:again", messages.received.poll(5, TimeUnit.SECONDS));

        Set<Backend> left = router.setRoute("chat", Set.of("chat.example.com"), List.of());
        var drained = router.drain(left, Duration.ofSeconds(2));

        socket.sendText("still there", true).get(5, TimeUnit.SECONDS);
        assertEquals("chat:still there", messages.received.poll(5, TimeUnit.SECONDS), "open until the deadline");
        assertFalse(drained.isDone(), "the drain waits for the open WebSocket");
        drained.get(10, TimeUnit.SECONDS);
        messages.closed.get(5, TimeUnit.SECONDS);
    }

    @Test
    void aWebSocketIsLoggedOnceItCloses() throws Exception {
        // The other test leaves the route empty.
        router.setRoute("chat", Set.of("chat.example.com"), List.of(backend.backend()));
        List<String> logged = AccessLogLines.of("ws-1", () -> {
            Messages messages = new Messages();
            WebSocket socket = client.http().newWebSocketBuilder()
                    .header("Host", "chat.example.com")
                    .header("X-Request-Id", "ws-1")
                    .buildAsync(URI.create("ws://127.0.0.1:" + router.port() + "/socket"), messages)
                    .get(10, TimeUnit.SECONDS);
            socket.sendText("hello", true).get(5, TimeUnit.SECONDS);
            assertEquals("chat:hello", messages.received.poll(5, TimeUnit.SECONDS));
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(5, TimeUnit.SECONDS);
            return messages.closed.get(5, TimeUnit.SECONDS);
        });

        assertEquals(1, logged.size(), logged.toString());
        assertTrue(logged.get(0).matches("chat GET /socket 101 \\d+ms "
                + backend.backend().toString().replace(".", "\\.") + " ws-1"), logged.get(0));
    }

    private static final class Messages implements WebSocket.Listener {
        final BlockingQueue<String> received = new LinkedBlockingQueue<>();
        final CompletableFuture<Void> closed = new CompletableFuture<>();
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                received.add(partial.toString());
                partial.setLength(0);
            }
            socket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
            closed.complete(null);
            return null;
        }

        @Override
        public void onError(WebSocket socket, Throwable error) {
            closed.complete(null);
        }
    }
}
