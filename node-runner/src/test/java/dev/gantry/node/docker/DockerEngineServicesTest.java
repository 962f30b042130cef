package dev.gantry.node.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gantry.node.ContainerSpec;
import dev.gantry.node.NetworkAttachment;
import dev.gantry.node.ResourceLimits;
import dev.gantry.node.RunningContainer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a backing service needs of the engine: the verdict of its image's own health check, and joining
 * (and leaving) the networks of the apps linked to it, where they reach it by name and nobody else can.
 */
class DockerEngineServicesTest {

    private static DockerTestRun docker;
    private static String checkedImage;
    private static String serviceNetwork;
    private static String appNetwork;

    @BeforeAll
    static void engine() {
        docker = new DockerTestRun();
        checkedImage = docker.build("checked", docker.onBase("""
                HEALTHCHECK --interval=1s --timeout=1s --retries=2 CMD test -f /ok
                CMD echo served > /index.html && exec httpd -f -p 7000 -h /
                """), line -> { }).tag();
        serviceNetwork = "gantry-test-svc-" + docker.runId.substring(0, 8);
        appNetwork = "gantry-test-app-" + docker.runId.substring(0, 8);
    }

    @AfterAll
    static void cleanUp() throws Exception {
        for (RunningContainer c : docker.engine.list(docker.labels)) {
            docker.engine.stopAndRemove(c.id(), java.time.Duration.ZERO);
        }
        docker.engine.removeNetwork(appNetwork);
        docker.engine.removeNetwork(serviceNetwork);
        docker.close();
    }

    @Test
    void theImagesOwnCheckDecidesHealthyOrUnhealthy() throws Exception {
        RunningContainer healthy = docker.engine.start(service("healthy", "touch /ok && exec sleep 600"));
        RunningContainer failing = docker.engine.start(service("failing", "exec sleep 600"));

        assertEquals(RunningContainer.Health.HEALTHY, awaitVerdict(healthy.id()));
        assertEquals(RunningContainer.Health.UNHEALTHY, awaitVerdict(failing.id()));
        RunningContainer plain = docker.engine.start(docker.worker("plain", ResourceLimits.DEFAULTS, "sleep", "600"));
        assertEquals(RunningContainer.Health.NONE, plain.health());
    }

    @Test
    void aConnectedServiceAnswersByNameOnTheAppsNetworkUntilItIsDisconnected() {
        RunningContainer service = docker.engine.start(new ContainerSpec(docker.containerName("db"), checkedImage,
                List.of(), Map.of(), docker.labels, 0, null, ResourceLimits.DEFAULTS, List.of(),
                new NetworkAttachment(serviceNetwork, List.of()), false));
        assertNotEquals(0, fetchFromApp("before"), "not on the app's network yet");

        docker.engine.connectNetwork(appNetwork, service.id(), List.of("shopdb"));
        docker.engine.connectNetwork(appNetwork, service.id(), List.of("shopdb"));

        assertEquals(0, fetchFromApp("linked"), "reached by its alias");
        docker.engine.disconnectNetwork(appNetwork, service.id());
        docker.engine.disconnectNetwork(appNetwork, service.id());
        assertNotEquals(0, fetchFromApp("unlinked"), "gone from the app's network");
        assertThrows(IllegalStateException.class,
                () -> docker.engine.connectNetwork(appNetwork, "gantry-test-missing-" + docker.runId, List.of("x")));
    }

    private int fetchFromApp(String suffix) {
        ContainerSpec client = new ContainerSpec(docker.containerName("app-" + suffix), docker.baseImage,
                // busybox's static wget crashes looking a name up; its nc does not.
                List.of("sh", "-c", "printf 'GET /index.html HTTP/1.0\\r\\n\\r\\n' | nc -w 2 shopdb 7000"), Map.of(), docker.labels,
                0, null, ResourceLimits.DEFAULTS, List.of(), new NetworkAttachment(appNetwork, List.of()), false);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = docker.engine.runOneOff(client, null, out, new ByteArrayOutputStream(), false);
        if (exit == 0) {
            assertTrue(out.toString(StandardCharsets.UTF_8).endsWith("\r\n\r\nserved\n"), out::toString);
        }
        return exit;
    }

    private static ContainerSpec service(String suffix, String command) {
        return new ContainerSpec(docker.containerName(suffix), checkedImage, List.of("sh", "-c", command), Map.of(),
                docker.labels, 0, null, ResourceLimits.DEFAULTS);
    }

    private static RunningContainer.Health awaitVerdict(String id) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            RunningContainer.Health health = docker.engine.inspect(id).orElseThrow().health();
            if (health != RunningContainer.Health.STARTING) {
                return health;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(id + " got no verdict within 10 s");
    }
}
