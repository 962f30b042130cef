package dev.gantry.control.api;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gantry.control.GantryTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Request bodies over their limit are refused before they are read: the requests here send their
 * head alone (over a raw socket, as no HTTP client would announce a body it does not send), so a
 * server that waited for the body would never answer.
 */
@QuarkusTest
@QuarkusTestResource(GantryTestResource.class)
class BodyLimitsResourceTest {

    private static final long MIB = 1024 * 1024;

    @Test
    void aJsonBodyOverOneMebibyteIsA413NamingTheLimitAnsweredUnread() throws IOException {
        String answer = headOnly("POST /api/v1/apps", "application/json", 2 * MIB);

        assertTrue(answer.startsWith("HTTP/1.1 413 "), answer);
        assertTrue(answer.contains("application/problem+json"), answer);
        assertTrue(answer.contains("\"detail\":\"the body is 2097152 bytes, over the limit of 1 MiB. Send a smaller"
                + " body; only a source upload (POST /api/v1/apps/APP/builds, application/gzip) may be larger, up to"
                + " 1024 MiB\""), answer);
    }

    @Test
    void aSourceUploadHasItsOwnLimitAndTheSameAnswer() throws IOException {
        String answer = headOnly("POST /api/v1/apps/some-app/builds", "application/gzip", 1024 * MIB + 1);

        assertTrue(answer.startsWith("HTTP/1.1 413 "), answer);
        assertTrue(answer.contains("\"detail\":\"the upload is 1073741825 bytes, over the limit of 1024 MiB for a"
                + " source upload (GANTRY_SSH_MAX_PACK_MIB). Leave build outputs and dependencies out of the"
                + " tarball\""), answer);
    }

    @Test
    void aJsonBodyInChunksWithoutALengthIsA411AnsweredUnread() throws IOException {
        try (Socket socket = connect()) {
            socket.getOutputStream().write(("POST /api/v1/apps HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n")
                    .getBytes(StandardCharsets.US_ASCII));

            String answer = read(socket.getInputStream());

            assertTrue(answer.startsWith("HTTP/1.1 411 "), answer);
            assertTrue(answer.contains("\"detail\":\"the body came without a Content-Length. Send it with one (at"
                    + " most 1 MiB); only a source upload (POST /api/v1/apps/APP/builds, application/gzip) may come in"
                    + " chunks\""), answer);
        }
    }

    private static String headOnly(String requestLine, String contentType, long length) throws IOException {
        try (Socket socket = connect()) {
            socket.getOutputStream().write((requestLine + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: " + contentType
                    + "\r\nContent-Length: " + length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            return read(socket.getInputStream());
        }
    }

    private static Socket connect() throws IOException {
        Socket socket = new Socket("127.0.0.1", RestAssured.port);
        // An answer that waits for the body never comes: fail in seconds instead.
        socket.setSoTimeout(10_000);
        return socket;
    }

    /** Everything until the server closes the connection, which it must after refusing an unread body. */
    private static String read(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
}
