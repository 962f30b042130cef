package dev.gantry.control.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged control plane ({@code quarkus-run.jar}, as {@code ./gantry up} runs it) started as a
 * separate process on free ports with its own data dir, so a test can stop and restart it.
 */
final class GantryProcess implements AutoCloseable {

    final Path home;
    final int apiPort;
    final int sshPort;
    final int routerPort;
    private final Map<String, String> extraEnv;
    private Process process;

    GantryProcess(Path home) {
        this(home, Map.of());
    }

    /** With {@code extraEnv} on top of the defaults, e.g. an external database or another engine. */
    GantryProcess(Path home, Map<String, String> extraEnv) {
        this.home = home;
        this.extraEnv = Map.copyOf(extraEnv);
        this.apiPort = freePort();
        this.sshPort = freePort();
        this.routerPort = freePort();
    }

    Map<String, String> env() {
        return Map.of(
                "GANTRY_HOME", home.toString(),
                "GANTRY_API_PORT", Integer.toString(apiPort),
                "GANTRY_SSH_PORT", Integer.toString(sshPort),
                "GANTRY_ROUTER_PORT", Integer.toString(routerPort),
                "GANTRY_SSH_BIND_HOST", "127.0.0.1",
                "GANTRY_ROUTER_BIND_HOST", "127.0.0.1");
    }

    void start() throws IOException, InterruptedException {
        Path appDir = Path.of(System.getProperty("gantry.app.dir"));
        ProcessBuilder builder = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", appDir.resolve("quarkus-run.jar").toString()))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("gantry.log").toFile()));
        builder.environment().putAll(env());
        builder.environment().putAll(extraEnv);
        Files.createDirectories(home);
        process = builder.start();
        awaitStatus();
    }

    /** SIGTERM, as ./gantry down sends it. */
    void stop() throws InterruptedException {
        if (process == null) {
            return;
        }
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        process = null;
    }

    /** SIGKILL: no shutdown hooks, nothing cleaned up, as after a crash or the OOM killer. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        process = null;
    }

    String log() throws IOException {
        return Files.readString(home.resolve("gantry.log"));
    }

    private void awaitStatus() throws IOException, InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest status = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + apiPort + "/api/v1/status"))
                .timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("Gantry exited during start:\n" + log());
            }
            try {
                if (client.send(status, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("Gantry did not answer within 120 s:\n" + log());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
