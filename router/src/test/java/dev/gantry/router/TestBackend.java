package dev.gantry.router;

import dev.gantry.router.api.Backend;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.io.IOException;
import java.net.ServerSocket;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A real HTTP app on 127.0.0.1 and an ephemeral port. Every response carries its name in the body
 * (for GET /) and in X-Backend.
 *
 * <ul>
 *   <li>{@code GET /} answers its name, with status {@code ?status=N} if given</li>
 *   <li>a WebSocket to any path answers each text message {@code msg} with {@code name:msg}</li>
 *   <li>{@code GET /headers} echoes the request headers, one {@code name: value} a line</li>
 *   <li>{@code GET /slow?ms=N} answers its name after N ms</li>
 *   <li>{@code POST /upload} streams the body and answers its SHA-256 and length</li>
 *   <li>{@code GET /download?bytes=N} streams N bytes of {@link #pattern} with backpressure</li>
 * </ul>
 */
final class TestBackend implements AutoCloseable {

    private final String name;
    private final AtomicInteger requests = new AtomicInteger();
    private final Semaphore slowArrived = new Semaphore(0);
    private final AtomicLong downloadBytesWritten = new AtomicLong();
    private final Vertx vertx;
    private final HttpServer server;

    private TestBackend(Vertx vertx, String name) {
        this.vertx = vertx;
        this.name = name;
        this.server = vertx.createHttpServer()
                .requestHandler(this::handle)
                .webSocketHandler(ws -> ws.textMessageHandler(message -> ws.writeTextMessage(name + ":" + message)));
    }

    static TestBackend start(Vertx vertx, String name) throws Exception {
        return startOn(vertx, name, 0);
    }

    /** A backend on a given port, e.g. one that was {@link #dead()} until now. */
    static TestBackend startOn(Vertx vertx, String name, int port) throws Exception {
        TestBackend backend = new TestBackend(vertx, name);
        backend.server.listen(port, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        return backend;
    }

    /** A backend address nothing listens on: connecting is refused. */
    static Backend dead() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return new Backend("127.0.0.1", socket.getLocalPort());
        }
    }

    Backend backend() {
        return new Backend("127.0.0.1", server.actualPort());
    }

    String name() {
        return name;
    }

    int requests() {
        return requests.get();
    }

    /** Bytes handed to the socket by downloads so far: with backpressure, no more than the client took plus buffers. */
    long downloadBytesWritten() {
        return downloadBytesWritten.get();
    }

    /** Waits until one more /slow request has arrived here. */
    boolean awaitSlowRequest(long seconds) throws InterruptedException {
        return slowArrived.tryAcquire(seconds, TimeUnit.SECONDS);
    }

    /** Byte i of every download: a pattern that catches lost, doubled or reordered chunks. */
    static byte pattern(long i) {
        return (byte) ((i * 31 + (i >>> 8) * 7 + (i >>> 16)) & 0xff);
    }

    @Override
    public void close() throws Exception {
        server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private void handle(HttpServerRequest request) {
        requests.incrementAndGet();
        HttpServerResponse response = request.response().putHeader("X-Backend", name);
        switch (request.path()) {
            case "/headers" -> {
                Map<String, String> sorted = new TreeMap<>();
                request.headers().forEach(h -> sorted.merge(h.getKey().toLowerCase(), h.getValue(), (a, b) -> a + "," + b));
                StringBuilder body = new StringBuilder();
                sorted.forEach((k, v) -> body.append(k).append(": ").append(v).append('\n'));
                response.end(body.toString());
            }
            case "/slow" -> {
                slowArrived.release();
                long ms = Long.parseLong(request.getParam("ms"));
                request.body().onSuccess(b -> vertx.setTimer(ms, id -> {
                    if (!response.closed()) {
                        response.end(name);
                    }
                }));
            }
            case "/upload" -> upload(request, response);
            case "/download" -> download(response, Long.parseLong(request.getParam("bytes")));
            default -> {
                String status = request.getParam("status");
                response.setStatusCode(status == null ? 200 : Integer.parseInt(status));
                request.body().onSuccess(b -> response.end(name));
            }
        }
    }

    private static void upload(HttpServerRequest request, HttpServerResponse response) {
        MessageDigest sha256 = sha256();
        long[] length = {0};
        request.handler(chunk -> {
            sha256.update(chunk.getBytes());
            length[0] += chunk.length();
        });
        request.endHandler(v -> response.end(HexFormat.of().formatHex(sha256.digest()) + " " + length[0]));
    }

    private void download(HttpServerResponse response, long total) {
        response.setChunked(true);
        long[] sent = {0};
        Runnable[] writeMore = new Runnable[1];
        writeMore[0] = () -> {
            while (sent[0] < total && !response.writeQueueFull()) {
                int size = (int) Math.min(64 * 1024, total - sent[0]);
                byte[] chunk = new byte[size];
                for (int i = 0; i < size; i++) {
                    chunk[i] = pattern(sent[0] + i);
                }
                sent[0] += size;
                downloadBytesWritten.addAndGet(size);
                response.write(Buffer.buffer(chunk));
            }
            if (sent[0] == total) {
                response.end();
            } else {
                response.drainHandler(v -> writeMore[0].run());
            }
        };
        writeMore[0].run();
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
