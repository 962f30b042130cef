package dev.gantry.node.docker;

import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HostConfig;
import dev.gantry.node.ContainerStartFailedException;
import dev.gantry.node.HealthCheck;
import dev.gantry.node.RunningContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DockerEngineContainerTest {

    private static DockerTestRun docker;
    private static String webImage;

    @BeforeAll
    static void buildWebImage() {
        docker = new DockerTestRun();
        webImage = docker.build("web", docker.onBase("""
                COPY index.html /www/index.html
                CMD httpd -f -p $PORT -h /www
                """).file("index.html", "hello from gantry\n"), line -> { }).tag();
    }

    @AfterAll
    static void cleanUp() throws Exception {
        docker.close();
    }

    @Test
    void startPublishesOnLoopbackAtAnEngineChosenPortWithHardening() throws Exception {
        RunningContainer web = docker.engine.start(docker.spec("web", webImage, List.of(), 8080));

        assertTrue(web.running());
        assertEquals("127.0.0.1", web.hostAddress());
        assertTrue(web.hostPort() > 0, "no published port");
        assertEquals(docker.containerName("web"), web.name());
        assertEquals(docker.runId, web.labels().get("gantry.test"));
        HealthCheck.http("127.0.0.1", web.hostPort(), "/", Duration.ofSeconds(2))
                .waitUntilHealthy(Duration.ofSeconds(20), Duration.ofMillis(100), () -> true);
        assertEquals("hello from gantry\n", get(web.hostPort(), "/index.html"));

        HostConfig host = docker.engine.client().inspectContainerCmd(web.id()).exec().getHostConfig();
        assertArrayEquals(new Capability[] {Capability.ALL}, host.getCapDrop());
        assertEquals(Set.of(AppContainerHardening.KEPT_CAPABILITIES), Set.of(host.getCapAdd()));
        assertEquals(List.of("no-new-privileges"), host.getSecurityOpts());
        assertEquals(512L, host.getPidsLimit());
        assertFalse(Boolean.TRUE.equals(host.getPrivileged()));
        // docker-java sends restart policy "no" as an empty name, which the engine reads the same way.
        assertTrue(Set.of("", "no").contains(host.getRestartPolicy().getName()), host.getRestartPolicy()::toString);
        assertEquals("bridge", host.getNetworkMode());
        assertTrue(host.getInit(), "an init process forwards signals to the app");
        assertEquals("json-file", host.getLogConfig().getType().getType());
        assertEquals(Map.of("max-size", "10m", "max-file", "3"), host.getLogConfig().getConfig());
        assertEquals(0L, host.getMemory(), "no memory limit unless the spec sets one");
        assertNull(web.finishedAt(), "a running container has not finished");
        assertFalse(web.oomKilled());
    }

    @Test
    void aShellFormCommandIsStoppedBySigtermNotByTheKillAfterTheGracePeriod() {
        RunningContainer shell = docker.engine.start(docker.spec("sigterm", webImage,
                List.of("sh", "-c", "sleep 600"), 8080));

        docker.engine.client().stopContainerCmd(shell.id()).withTimeout(30).exec();

        Integer exitCode = docker.engine.client().inspectContainerCmd(shell.id()).exec().getState().getExitCodeLong()
                .intValue();
        assertNotEquals(137, exitCode, "SIGKILL after the grace period means SIGTERM never reached the app");
        docker.engine.stopAndRemove(shell.id(), Duration.ofSeconds(1));
    }

    @Test
    void infoReportsTheEngineAndItsRuntimeVersion() {
        var info = docker.engine.info();

        assertTrue(info.engineVersion().matches("\\d+\\.\\d+.*"), info::toString);
        assertTrue(info.runtimeVersion().matches("v?\\d+\\.\\d+\\.\\d+.*"), info::toString);
    }

    @Test
    void listFindsExactlyThisRunsContainersAndStopAndRemoveRemovesThem() {
        RunningContainer a = docker.engine.start(docker.spec("list-a", webImage, List.of(), 8080));
        RunningContainer b = docker.engine.start(docker.spec("list-b", webImage, List.of("sleep", "600"), 8080));
        Map<String, String> onlyThese = Map.of("gantry.test", docker.runId, "gantry.case", "list");
        assertEquals(List.of(), docker.engine.list(onlyThese), "the label filter must match every label");

        Set<String> listed = docker.engine.list(docker.labels).stream().map(RunningContainer::id).collect(Collectors.toSet());
        assertTrue(listed.containsAll(Set.of(a.id(), b.id())), listed::toString);

        docker.engine.stopAndRemove(b.id(), Duration.ofSeconds(1));
        assertTrue(docker.engine.inspect(b.id()).isEmpty());
        assertFalse(docker.engine.list(docker.labels).stream().anyMatch(c -> c.id().equals(b.id())));
        docker.engine.stopAndRemove(b.id(), Duration.ofSeconds(1)); // already gone: fine
        docker.engine.stopAndRemove(a.id(), Duration.ofSeconds(5));
        assertTrue(docker.engine.inspect(a.id()).isEmpty());
    }

    @Test
    void inspectReportsAnExitedContainersCodeAndTailItsOutput() throws Exception {
        RunningContainer c = docker.engine.start(docker.spec("exits", webImage,
                List.of("sh", "-c", "echo oops >&2; sleep 0.5; for i in 1 2 3 4 5; do echo line-$i; done; exit 3"),
                8080));
        RunningContainer exited = docker.waitUntilExited(c.id());

        assertEquals(3, exited.exitCode());
        assertNotNull(exited.startedAt());
        assertFalse(exited.finishedAt().isBefore(exited.startedAt()), exited::toString);
        assertFalse(exited.oomKilled());
        assertEquals("line-3\nline-4\nline-5", docker.engine.tail(c.id(), 3));
        // The engine logs stdout and stderr separately, so only a pause orders them reliably.
        assertTrue(docker.engine.tail(c.id(), 10).startsWith("oops\nline-1\n"));
        assertEquals("", docker.engine.tail("gantry-test-no-such-container", 3));
    }

    @Test
    void aCommandThatCannotRunExitsAndItsOutputNamesTheMissingBinary() throws Exception {
        // The init process starts first, so a missing binary surfaces as an exit, as an app crash would.
        RunningContainer bad = docker.engine.start(docker.spec("bad-cmd", webImage, List.of("/no/such/binary"), 8080));

        RunningContainer exited = docker.waitUntilExited(bad.id());

        assertNotEquals(0, exited.exitCode());
        assertTrue(docker.engine.tail(bad.id(), 5).contains("/no/such/binary"), docker.engine.tail(bad.id(), 5));
        docker.engine.stopAndRemove(bad.id(), Duration.ofSeconds(1));
    }

    @Test
    void aMissingImageIsReportedByName() {
        ContainerStartFailedException e = assertThrows(ContainerStartFailedException.class,
                () -> docker.engine.start(docker.spec("no-image", "gantry-test-missing:nope", List.of(), 8080)));
        assertTrue(e.getMessage().contains("gantry-test-missing:nope"), e.getMessage());
    }

    @Test
    void removeImageReportsAMissingImageAsFalse() {
        assertFalse(docker.engine.removeImage("gantry-test-missing:nope"));
    }

    private static String get(int port, String path) throws Exception {
        HttpClient http = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        return response.body();
    }
}
