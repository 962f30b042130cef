package dev.gantry.router;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Large bodies cross the router byte-exact in both directions. */
class RouterStreamingTest {

    private static final long SIZE = 20L * 1024 * 1024;

    private static LoopbackRouter net;
    private static Router router;
    private static TestClient client;
    private static TestBackend backend;

    @BeforeAll
    static void start() throws Exception {
        net = LoopbackRouter.start();
        router = net.router;
        client = net.client;
        backend = net.backend("files");
        router.setRoute("files", Set.of("files.example.com"), List.of(backend.backend()));
    }

    @AfterAll
    static void stop() throws Exception {
        net.close();
    }

    @Test
    void chunkedUploadArrivesByteExact() throws Exception {
        HttpResponse<String> response = client.send(client.request("files.example.com", "/upload")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(PatternStream::new)),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(200, response.statusCode());
        assertEquals(expectedSha256() + " " + SIZE, response.body());
    }

    @Test
    void fixedLengthUploadArrivesByteExact() throws Exception {
        byte[] body = new PatternStream().readAllBytes();

        HttpResponse<String> response = client.send(client.request("files.example.com", "/upload")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(200, response.statusCode());
        assertEquals(expectedSha256() + " " + SIZE, response.body());
    }

    @Test
    void downloadArrivesByteExact() throws Exception {
        HttpResponse<InputStream> response = client.send(
                client.request("files.example.com", "/download?bytes=" + SIZE), HttpResponse.BodyHandlers.ofInputStream());

        assertEquals(200, response.statusCode());
        long position = 0;
        try (InputStream body = response.body()) {
            byte[] buffer = new byte[64 * 1024];
            for (int read = body.read(buffer); read != -1; read = body.read(buffer)) {
                for (int i = 0; i < read; i++, position++) {
                    if (buffer[i] != TestBackend.pattern(position)) {
                        throw new AssertionError("byte " + position + " differs");
                    }
                }
            }
        }
        assertEquals(SIZE, position);
    }

    @Test
    void downloadThatTheClientDoesNotReadStallsTheBackend() throws Exception {
        long hundredMiB = 100L * 1024 * 1024;
        try (TestBackend big = TestBackend.start(net.vertx, "big")) {
            router.setRoute("big", Set.of("big.example.com"), List.of(big.backend()));
            HttpResponse<InputStream> response = client.send(
                    client.request("big.example.com", "/download?bytes=" + hundredMiB), HttpResponse.BodyHandlers.ofInputStream());

            Thread.sleep(1000);
            long written = big.downloadBytesWritten();

            // Only socket buffers on the way may hold data; the router itself must not.
            assertTrue(written < 40L * 1024 * 1024, "backend wrote " + written + " bytes to a client that read none");
            try (InputStream body = response.body()) {
                assertEquals(hundredMiB, body.transferTo(OutputStream.nullOutputStream()));
            }
        }
    }

    private static String expectedSha256() throws Exception {
        MessageDigest sha256 = TestBackend.sha256();
        try (InputStream in = new PatternStream()) {
            byte[] buffer = new byte[64 * 1024];
            for (int read = in.read(buffer); read != -1; read = in.read(buffer)) {
                sha256.update(buffer, 0, read);
            }
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    /** {@link #SIZE} bytes of {@link TestBackend#pattern}, generated as read. */
    private static final class PatternStream extends InputStream {
        private long position;

        @Override
        public int read() {
            return position < SIZE ? TestBackend.pattern(position++) & 0xff : -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (position >= SIZE) {
                return -1;
            }
            int count = (int) Math.min(length, SIZE - position);
            for (int i = 0; i < count; i++) {
                buffer[offset + i] = TestBackend.pattern(position++);
            }
            return count;
        }
    }
}
