package dev.gantry.router;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gantry.router.api.Backend;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A pooled keep-alive connection the backend closes just as the router sends it a request (the
 * backend's keep-alive timeout and the request crossing on the wire): the app's only backend is fine,
 * so the request should not end in a 502. Nor should a request whose instance is killed while it
 * writes its answer, when another instance is there.
 */
class RouterStaleConnectionTest {

    private LoopbackRouter net;
    private OneAnswerBackend backend;

    @BeforeEach
    void start() throws Exception {
        net = LoopbackRouter.start();
        backend = new OneAnswerBackend();
        net.router.setRoute("shop", Set.of("shop.example.com"), List.of(new Backend("127.0.0.1", backend.port())));
    }

    @AfterEach
    void stop() throws Exception {
        net.close();
        backend.close();
    }

    @Test
    void aGetThatAStalePooledConnectionDropsIsRetriedOnANewConnection() throws Exception {
        backend.closeAfterFirstAnswer = true;
        assertEquals("answer 1", net.client.get("shop.example.com", "/").body());

        HttpResponse<String> second = net.client.get("shop.example.com", "/");

        assertEquals(200, second.statusCode());
        assertEquals("answer 2", second.body());
        assertEquals(2, backend.connections.get());
    }

    @Test
    void theRetryOnANewConnectionHappensOnce() throws Exception {
        backend.closeAfterFirstAnswer = true;
        backend.answerNothing = true;
        assertEquals(502, net.client.get("shop.example.com", "/").statusCode());
        backend.answerNothing = false;
        net.client.get("shop.example.com", "/");
        backend.answerNothing = true;

        assertEquals(502, net.client.get("shop.example.com", "/").statusCode());
        // The first connection's 502 (new, so no retry), the one that answered, and its one retry.
        assertEquals(3, backend.connections.get());
    }

    @Test
    void aPostIsNotSentTwice() throws Exception {
        backend.closeAfterFirstAnswer = true;
        net.client.get("shop.example.com", "/");

        HttpResponse<String> post = net.client.send(net.client.request("shop.example.com", "/")
                .POST(HttpRequest.BodyPublishers.noBody()), HttpResponse.BodyHandlers.ofString());

        assertEquals(502, post.statusCode());
        assertEquals(1, backend.connections.get());
    }

    @Test
    void aGetWhoseInstanceDiesInTheMiddleOfASmallAnswerIsAnsweredByTheNextInstance() throws Exception {
        backend.dieMidAnswer = true;
        TestBackend healthy = net.backend("healthy");
        net.router.setRoute("shop", Set.of("shop.example.com"),
                List.of(new Backend("127.0.0.1", backend.port()), healthy.backend()));

        for (int i = 0; i < 4; i++) {
            HttpResponse<String> answer = net.client.get("shop.example.com", "/");
            assertEquals(200, answer.statusCode(), answer.body());
            assertEquals("healthy", answer.body(), "request " + i);
        }
        assertTrue(backend.connections.get() >= 1, "the dying instance got requests");
    }

    /**
     * Answers the first request on each connection (with keep-alive); with closeAfterFirstAnswer it
     * reads the next one and closes the connection without a word, as a backend whose keep-alive
     * timeout struck as the request arrived; with dieMidAnswer it closes halfway through its answer.
     */
    private static final class OneAnswerBackend implements AutoCloseable {
        final AtomicInteger connections = new AtomicInteger();
        volatile boolean closeAfterFirstAnswer;
        volatile boolean answerNothing;
        volatile boolean dieMidAnswer;
        private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final Thread acceptor = new Thread(this::accept, "stale-backend");

        OneAnswerBackend() throws IOException {
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return server.getLocalPort();
        }

        private void accept() {
            while (!server.isClosed()) {
                try (Socket socket = server.accept()) {
                    int number = connections.incrementAndGet();
                    serve(socket, number);
                } catch (IOException e) {
                    // closed by the test, or the router dropped the connection
                }
            }
        }

        private void serve(Socket socket, int number) throws IOException {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            if (!readHead(in) || answerNothing) {
                return;
            }
            if (dieMidAnswer) {
                out.write("HTTP/1.1 200 OK\r\nContent-Length: 8\r\n\r\nansw".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                return;
            }
            String body = "answer " + number;
            out.write(("HTTP/1.1 200 OK\r\nContent-Length: " + body.length() + "\r\n\r\n" + body)
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            if (closeAfterFirstAnswer) {
                readHead(in);
                return;
            }
            while (readHead(in)) {
                out.write("HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\nmore".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
        }

        // Requests here have no body: the head ends the request.
        private static boolean readHead(InputStream in) throws IOException {
            int matched = 0;
            int b;
            while ((b = in.read()) >= 0) {
                matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : (b == '\r' ? 1 : 0);
                if (matched == 4) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
