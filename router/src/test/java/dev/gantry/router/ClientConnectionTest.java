package dev.gantry.router;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** How a client connection carries requests: one after the other, kept alive, closed when it must be. */
class ClientConnectionTest {

    private static LoopbackRouter net;

    @BeforeAll
    static void start() throws Exception {
        net = LoopbackRouter.start();
        net.router.setRoute("shop", Set.of("shop.example.com"), List.of(net.backend("a").backend()));
    }

    @AfterAll
    static void stop() throws Exception {
        net.close();
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrderOnOneConnection() throws Exception {
        String answers = exchange("GET /?status=201 HTTP/1.1\r\nHost: shop.example.com\r\n\r\n"
                + "GET /nowhere HTTP/1.1\r\nHost: nothing.example.com\r\n\r\n"
                + "GET /?status=202 HTTP/1.1\r\nHost: shop.example.com\r\nConnection: close\r\n\r\n");

        assertInOrder(answers, "HTTP/1.1 201", "HTTP/1.1 404", "HTTP/1.1 202");
    }

    @Test
    void aClientExpectingContinueGetsItThenSendsItsBody() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", net.router.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(("POST /upload HTTP/1.1\r\nHost: shop.example.com\r\nContent-Length: 5\r\n"
                    + "Expect: 100-continue\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String interim = readUntil(in, "\r\n\r\n");
            assertTrue(interim.startsWith("HTTP/1.1 100 Continue"), interim);

            out.write("hello".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
            assertTrue(answer.endsWith(" 5"), "the backend got the 5 bytes: " + answer);
        }
    }

    @Test
    void aPipelinedRequestWithABodyGetsContinueAfterTheAnswerBeforeIt() throws Exception {
        String answers = exchange("GET /slow?ms=300 HTTP/1.1\r\nHost: shop.example.com\r\n\r\n"
                + "POST /upload HTTP/1.1\r\nHost: shop.example.com\r\nContent-Length: 5\r\n"
                + "Expect: 100-continue\r\nConnection: close\r\n\r\nhello");

        assertInOrder(answers, "HTTP/1.1 200", "HTTP/1.1 100 Continue", "HTTP/1.1 200");
    }

    @Test
    void anHttp10ClientGetsItsAnswerAndTheConnectionCloses() throws Exception {
        String answer = exchange("GET / HTTP/1.0\r\nHost: shop.example.com\r\n\r\n");

        assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
        assertTrue(answer.toLowerCase().contains("connection: close"), answer);
    }

    @Test
    void aBodyTheRouterDoesNotReadClosesTheConnectionAfterTheAnswer() throws Exception {
        String answer = exchange("POST / HTTP/1.1\r\nHost: nothing.example.com\r\nContent-Length: 100000\r\n\r\nabc");

        assertTrue(answer.startsWith("HTTP/1.1 404"), answer);
    }

    @Test
    void aMalformedRequestGets400() throws Exception {
        String answer = exchange("GET / HTTP/1.1\r\nHost: shop.example.com\r\nBad Header\r\n\r\n");

        assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
    }

    @Test
    void aHeaderNameThatIsNoTokenGets400() throws Exception {
        // A backend could read such a name as another header (request smuggling): refused, not relayed.
        String answer = exchange(
                "GET / HTTP/1.1\r\nHost: shop.example.com\r\nContent(Length): 5\r\nConnection: close\r\n\r\n");

        assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
        assertTrue(answer.contains("The request could not be read"), "the router's own answer: " + answer);
    }

    @Test
    void aRequestWithoutHostGets400() throws Exception {
        String answer = exchange("GET / HTTP/1.0\r\n\r\n");

        assertEquals("HTTP/1.1 400", answer.substring(0, 12), answer);
    }

    // Each status line comes after the one before it.
    private static void assertInOrder(String answers, String... statusLines) {
        int from = 0;
        for (String line : statusLines) {
            int at = answers.indexOf(line, from);
            assertTrue(at >= 0, "no '" + line + "' after the answers before it in: " + answers);
            from = at + line.length();
        }
    }

    private static String readUntil(InputStream in, String end) throws Exception {
        StringBuilder read = new StringBuilder();
        while (read.indexOf(end) < 0) {
            int next = in.read();
            if (next == -1) {
                throw new AssertionError("the router closed the connection after: " + read);
            }
            read.append((char) next);
        }
        return read.toString();
    }

    // Sends the bytes, then reads until the router closes the connection (each case ends with a close).
    private static String exchange(String requests) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", net.router.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(requests.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            ByteArrayOutputStream answers = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int read = in.read(buffer); read != -1; read = in.read(buffer)) {
                    answers.write(buffer, 0, read);
                }
            } catch (SocketTimeoutException e) {
                throw new AssertionError("the router kept the connection open after: " + answers, e);
            }
            return answers.toString(StandardCharsets.US_ASCII);
        }
    }
}
