package dev.gantry.router;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gantry.router.api.AdminToken;
import dev.gantry.router.api.RouterAdminClient;
import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The router as its own process: started, driven through the admin client, stopped with SIGTERM,
 * restarted, and replaced by a new process under load.
 */
class RouterMainTest {

    private static final Pattern STARTED = Pattern.compile(
            "Gantry router serving on 127\\.0\\.0\\.1:(\\d+), admin interface on 127\\.0\\.0\\.1:(\\d+)");

    @TempDir
    Path home;
    private Vertx vertx;
    private TestBackend a;
    private RunningRouter running;
    private RunningRouter successor;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        a = TestBackend.start(vertx, "a");
    }

    @AfterEach
    void stop() throws Exception {
        for (RunningRouter router : new RunningRouter[] {running, successor}) {
            if (router != null) {
                router.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        a.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void servesRoutesSetThroughTheAdminInterfaceStopsOnSigtermAndServesThemAgainAfterARestart() throws Exception {
        running = RunningRouter.start(home);
        Path tokenFile = AdminToken.fileIn(home);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile)));
        RouterAdminClient control = running.control(home);

        control.setRoute("shop", Set.of("shop.example.com"), List.of(a.backend()));
        TestClient client = new TestClient(running.port);
        assertEquals("a", client.get("shop.example.com", "/").body());
        assertTrue(Files.readString(home.resolve("router/routes.json")).contains("shop.example.com"));
        // The access log, on by default: one line per request on stderr, a moment after the answer.
        client.send(client.request("shop.example.com", "/?status=201").header("X-Request-Id", "main-1"),
                HttpResponse.BodyHandlers.ofString());
        running.awaitLine(Pattern.compile("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z INFO \\[access\\] "
                + "shop GET / 201 \\d+ms " + Pattern.quote(a.backend().toString()) + " main-1$", Pattern.MULTILINE));

        // SIGTERM with a request in flight: it is answered, then the process exits.
        CompletableFuture<HttpResponse<String>> slow = client.getAsync("shop.example.com", "/slow?ms=1000");
        assertTrue(a.awaitSlowRequest(10));
        running.process.destroy();
        assertEquals(200, slow.get(10, TimeUnit.SECONDS).statusCode());
        assertTrue(running.process.waitFor(10, TimeUnit.SECONDS), "exits within 10 s of SIGTERM");
        assertTrue(running.output().contains("[RouterMain] Stopped"), running.output());

        running = RunningRouter.start(home);

        // The first request after the restart, before anyone sets a route.
        HttpResponse<String> first = new TestClient(running.port).get("shop.example.com", "/");
        assertEquals(200, first.statusCode());
        assertEquals("a", first.body());
        running.process.destroy();
        assertTrue(running.process.waitFor(10, TimeUnit.SECONDS));
    }

    @Test
    void aNewProcessTakesOverFromTheOldOneUnderLoadWithoutAFailedRequest() throws Exception {
        running = RunningRouter.start(home);
        RouterAdminClient oldControl = running.control(home);
        oldControl.setRoute("shop", Set.of("shop.example.com"), List.of(a.backend()));
        CompletableFuture<HttpResponse<String>> slow = new TestClient(running.port)
                .getAsync("shop.example.com", "/slow?ms=2000");
        assertTrue(a.awaitSlowRequest(10));
        LoadLoop load = LoadLoop.start(4, running.port, "shop.example.com", "/");
        load.awaitMore(400);

        successor = RunningRouter.startBeside(home, running.port);
        // Still the old one's to change: the successor reads it when it takes over.
        oldControl.setRoute("blog", Set.of("blog.example.com"), List.of(a.backend()));
        load.awaitMore(400);
        running.process.destroy();

        HttpResponse<String> slowResponse = slow.get(10, TimeUnit.SECONDS);
        assertEquals(200, slowResponse.statusCode(), "the old router finishes its request in flight");
        assertTrue(running.process.waitFor(10, TimeUnit.SECONDS), "the old router exits within 10 s of SIGTERM");
        successor = successor.awaitStarted();
        load.awaitMore(400);
        List<LoadLoop.Result> results = load.stop();

        assertTrue(results.size() >= 1_200, "too little load to mean anything: " + results.size());
        assertEquals(List.of(), results.stream().filter(r -> !r.ok()).toList(),
                "failed or non-2xx requests across the restart");
        assertEquals(Set.of("shop", "blog"), successor.control(home).routes().keySet());
        assertEquals(successor.process.pid() + "\n", Files.readString(home.resolve("run/router.ready")));
        assertTrue(running.output().contains("[RouterMain] Stopped"), running.output());
    }

    @Test
    void anInvalidSettingStopsTheStartWithItsName() throws Exception {
        ProcessBuilder builder = RunningRouter.command(home);
        builder.environment().put("GANTRY_ROUTER_PORT", "eighty");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertEquals(1, process.exitValue());
        assertTrue(output.contains("GANTRY_ROUTER_PORT: must be a whole number 0..65535, was 'eighty'"), output);
    }

    private record RunningRouter(Process process, Path log, int port, int adminPort) {

        static ProcessBuilder command(Path home) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            ProcessBuilder builder = new ProcessBuilder(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                    RouterMain.class.getName()).redirectErrorStream(true);
            builder.environment().put("GANTRY_HOME", home.toString());
            builder.environment().put("GANTRY_ROUTER_BIND_HOST", "127.0.0.1");
            builder.environment().put("GANTRY_ROUTER_PORT", "0");
            builder.environment().put("GANTRY_ROUTER_ADMIN_PORT", "0");
            // These tests are about the HTTP port; the default HTTPS port (8443) may be taken on a test machine.
            builder.environment().put("GANTRY_ROUTER_HTTPS_PORT", "0");
            builder.environment().put("GANTRY_ROUTER_SHUTDOWN_GRACE_MS", "5000");
            return builder;
        }

        /** A router on a free port, once it serves and takes route changes. */
        static RunningRouter start(Path home) throws Exception {
            return launch(command(home), home).awaitStarted();
        }

        /**
         * A second router on the port of a running one, once it is ready (it serves beside the old
         * one); it takes route changes once the old one stops ({@link #awaitStarted}).
         */
        static RunningRouter startBeside(Path home, int port) throws Exception {
            ProcessBuilder builder = command(home);
            builder.environment().put("GANTRY_ROUTER_PORT", Integer.toString(port));
            RunningRouter launched = launch(builder, home);
            Path ready = home.resolve("run/router.ready");
            String pid = Long.toString(launched.process.pid());
            launched.await(() -> Files.exists(ready) && Files.readString(ready).trim().equals(pid), "ready");
            return new RunningRouter(launched.process, launched.log, port, -1);
        }

        private static RunningRouter launch(ProcessBuilder builder, Path home) throws Exception {
            // To a file: Process.destroy() closes the pipes, and the output after SIGTERM matters here.
            Path log = Files.createTempFile(home, "router-", ".log");
            return new RunningRouter(builder.redirectOutput(log.toFile()).start(), log, -1, -1);
        }

        /** This router, with its ports, once it logs that it serves and takes route changes. */
        RunningRouter awaitStarted() throws Exception {
            await(() -> STARTED.matcher(output()).find(), "started");
            Matcher started = STARTED.matcher(output());
            assertTrue(started.find());
            return new RunningRouter(process, log, Integer.parseInt(started.group(1)), Integer.parseInt(started.group(2)));
        }

        void awaitLine(Pattern line) throws Exception {
            await(() -> line.matcher(output()).find(), "logging a line like " + line);
        }

        RouterAdminClient control(Path home) {
            return new RouterAdminClient(URI.create("http://127.0.0.1:" + adminPort), AdminToken.read(AdminToken.fileIn(home)));
        }

        String output() throws Exception {
            return Files.readString(log, StandardCharsets.UTF_8);
        }

        private void await(Condition condition, String what) throws Exception {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < deadline) {
                if (condition.holds()) {
                    return;
                }
                assertTrue(process.isAlive(), "the router exited: " + output());
                Thread.sleep(50);
            }
            process.destroyForcibly();
            throw new AssertionError("the router was not " + what + " within 30 s: " + output());
        }
    }

    private interface Condition {
        boolean holds() throws Exception;
    }
}
