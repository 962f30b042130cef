package dev.gantry.node.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gantry.node.ContainerSpec;
import dev.gantry.node.ContainerStartFailedException;
import dev.gantry.node.EngineUnavailableException;
import dev.gantry.node.NetworkAttachment;
import dev.gantry.node.NodeRunner;
import dev.gantry.node.NodeStatus;
import dev.gantry.node.NodeUnavailableException;
import dev.gantry.node.ResourceLimits;
import dev.gantry.node.RunningContainer;
import dev.gantry.node.VolumeMount;
import dev.gantry.service.ServiceJson;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The node runner's HTTP interface and its client, over a recording runner (no engine needed). */
class NodeAgentServerTest {

    private static final String TOKEN = "0123456789abcdef";
    private static final ContainerSpec SPEC = new ContainerSpec("shop-web-v3-1-a1b2c3", "gantry/shop:v3",
            List.of("/bin/sh", "-c", "exec ./server"), Map.of("PORT", "5000", "GREETING", "hé \"there\"\n"),
            Map.of("gantry.app", "shop", "gantry.instance", "shop-web-v3-1-a1b2c3"), 5000, "127.0.0.1",
            new ResourceLimits(64L << 20, 0.5, 128), List.of(new VolumeMount("gantry-shop-data", "/data")),
            new NetworkAttachment("gantry-app-shop", List.of("web.internal", "web.1.internal")), true);
    private static final RunningContainer STARTED = new RunningContainer("c0ffee", SPEC.name(), SPEC.image(),
            SPEC.labels(), true, 0, Instant.parse("2026-12-02T10:15:30.123Z"), "127.0.0.1", 32768, false, null);

    private final RecordingRunner runner = new RecordingRunner();
    private NodeAgentServer server;
    private NodeAgentClient client;

    @BeforeEach
    void serve() {
        server = NodeAgentServer.start(runner, TOKEN, "127.0.0.1", 0);
        client = client(server.port(), Duration.ofSeconds(2));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aPlacedSpecArrivesWholeAndTheStartedContainerComesBack() {
        RunningContainer started = client.place(SPEC);

        assertEquals(List.of(SPEC), runner.placed);
        assertEquals(STARTED, started);
    }

    @Test
    void listsLookupsRemovalsAndKeepOnlyReachTheRunner() {
        assertEquals(List.of(STARTED), client.instances(Map.of("gantry.app", "shop", "gantry.release", "3")));
        assertEquals(Map.of("gantry.app", "shop", "gantry.release", "3"), runner.listedBy);
        assertEquals(Optional.of(STARTED), client.instance("c0ffee"));
        assertEquals(Optional.empty(), client.instance("gone"));

        client.remove("c0ffee", Duration.ofMillis(2500));
        assertEquals(List.of("c0ffee after 3 s"), runner.removed);

        assertEquals(List.of("shop-web-v2-1-000000"), client.keepOnly("shop", Set.of(SPEC.name()), Duration.ofSeconds(10)));
        assertEquals(List.of("shop keeps [" + SPEC.name() + "], others stop within 10 s"), runner.kept);
        assertEquals(new NodeStatus("test-node", 42, Instant.parse("2026-12-02T10:00:00Z"), 1, 1), client.status());
    }

    @Test
    void withoutTheNodeTokenEveryRequestIsRefused() throws Exception {
        for (String authorization : List.of("", "Bearer wrong", "Bearer " + TOKEN + "x")) {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri("/v1/status"));
            if (!authorization.isEmpty()) {
                request.header("Authorization", authorization);
            }
            HttpResponse<String> answer = send(request.GET());
            assertEquals(401, answer.statusCode(), authorization);
            assertTrue(answer.body().contains("the node token is missing or wrong"), answer.body());
        }
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> new NodeAgentClient(URI.create("http://127.0.0.1:" + server.port()), "wrong", Duration.ZERO).status());
        assertTrue(refused.getMessage().contains("must share GANTRY_HOME/node/token"), refused.getMessage());
        assertEquals(List.of(), runner.placed);
    }

    @Test
    void aBodyThatIsNotASpecIsRefusedSayingWhereAndWhy() throws Exception {
        HttpResponse<String> malformed = send(authorized("/v1/instances/x").PUT(HttpRequest.BodyPublishers.ofString("{\"name\": ")));
        assertEquals(400, malformed.statusCode());
        assertTrue(malformed.body().contains("line 1, column 10"), malformed.body());

        HttpResponse<String> unknownField = send(authorized("/v1/instances/x")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"name\": \"x\", \"image\": \"i\", \"privileged\": true}")));
        assertEquals(400, unknownField.statusCode());
        assertTrue(unknownField.body().contains("\\\"privileged\\\""), unknownField.body());

        HttpResponse<String> otherName = send(authorized("/v1/instances/other")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(ServiceJson.MAPPER.writeValueAsBytes(SPEC))));
        assertEquals(400, otherName.statusCode());
        assertTrue(otherName.body().contains("is not the 'other' of the path"), otherName.body());

        HttpResponse<String> badGrace = send(authorized("/v1/instances/x?grace=soon").DELETE());
        assertEquals(400, badGrace.statusCode());
        assertTrue(badGrace.body().contains("grace: must be whole seconds ≥ 0, was 'soon'"), badGrace.body());
        assertEquals(List.of(), runner.placed);
        assertEquals(List.of(), runner.removed);
    }

    @Test
    void unknownPathsAndMethodsAnswer404And405() throws Exception {
        assertEquals(404, send(authorized("/v1/nodes").GET()).statusCode());
        HttpResponse<String> post = send(authorized("/v1/instances").POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(405, post.statusCode());
        assertEquals("GET", post.headers().firstValue("Allow").orElse(""));
    }

    @Test
    void theEnginesRefusalAndAbsenceReachTheCallerAsTheirOwnExceptions() {
        runner.failWith = new ContainerStartFailedException("container shop-web-v3-1-a1b2c3 could not start: no such image", null);
        ContainerStartFailedException refused = assertThrows(ContainerStartFailedException.class, () -> client.place(SPEC));
        assertEquals("container shop-web-v3-1-a1b2c3 could not start: no such image", refused.getMessage());

        runner.failWith = new EngineUnavailableException("the Docker engine at unix:///var/run/docker.sock does not answer", null);
        EngineUnavailableException down = assertThrows(EngineUnavailableException.class, () -> client.place(SPEC));
        assertEquals("the Docker engine at unix:///var/run/docker.sock does not answer", down.getMessage());
    }

    @Test
    void aCallWaitsForARunnerThatIsRestartingAndGivesUpAfterItsPatience() throws Exception {
        int port = server.port();
        server.close();

        NodeUnavailableException down = assertThrows(NodeUnavailableException.class,
                () -> client(port, Duration.ofMillis(300)).status());
        assertTrue(down.getMessage().startsWith("the node runner at http://127.0.0.1:" + port + " does not answer"),
                down.getMessage());
        assertTrue(down.getMessage().endsWith("Start it (./gantry up) and retry"), down.getMessage());

        CompletableFuture<RunningContainer> placed = CompletableFuture.supplyAsync(
                () -> client(port, Duration.ofSeconds(20)).place(SPEC));
        Thread.sleep(1000);
        server = NodeAgentServer.start(runner, TOKEN, "127.0.0.1", port);
        assertEquals(STARTED, placed.get(20, TimeUnit.SECONDS));
        assertEquals(List.of(SPEC), runner.placed);
    }

    @Test
    void aPortInUseIsRefusedWithTheFix() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> NodeAgentServer.start(runner, TOKEN, "127.0.0.1", taken.getLocalPort()));
            assertTrue(refused.getMessage().endsWith("Free the port or set GANTRY_NODE_RUNNER_PORT"), refused.getMessage());
        }
    }

    private NodeAgentClient client(int port, Duration patience) {
        return new NodeAgentClient(URI.create("http://127.0.0.1:" + port), TOKEN, patience);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    private HttpRequest.Builder authorized(String path) {
        return HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + TOKEN);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Records what reaches it and answers with fixed containers. */
    private static final class RecordingRunner implements NodeRunner {
        final List<ContainerSpec> placed = new ArrayList<>();
        final List<String> removed = new ArrayList<>();
        final List<String> kept = new ArrayList<>();
        Map<String, String> listedBy;
        RuntimeException failWith;

        @Override
        public synchronized RunningContainer place(ContainerSpec spec) {
            if (failWith != null) {
                throw failWith;
            }
            placed.add(spec);
            return STARTED;
        }

        @Override
        public synchronized void remove(String container, Duration grace) {
            removed.add(container + " after " + grace.toSeconds() + " s");
        }

        @Override
        public synchronized List<RunningContainer> instances(Map<String, String> labels) {
            listedBy = labels;
            return List.of(STARTED);
        }

        @Override
        public Optional<RunningContainer> instance(String container) {
            return container.equals(STARTED.id()) ? Optional.of(STARTED) : Optional.empty();
        }

        @Override
        public synchronized List<String> keepOnly(String app, Set<String> names, Duration grace) {
            kept.add(app + " keeps " + names + ", others stop within " + grace.toSeconds() + " s");
            return List.of("shop-web-v2-1-000000");
        }

        @Override
        public NodeStatus status() {
            return new NodeStatus("test-node", 42, Instant.parse("2026-12-02T10:00:00Z"), 1, 1);
        }
    }
}
