package dev.gantry.control.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Gantry's headline promise, checked the way a user would notice a break: under continuous load
 * through the router, deploys, rollbacks and a restart of the control plane drop no request and
 * answer nothing but 2xx, and once a newer release has answered, no later request gets an older one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CutoverUnderLoadIT {

    private static final String APP = "e2e-cutover";
    private static final String ECHO_RELEASE = TestImages.ECHO_RELEASE;

    private GantryTestbed testbed;
    private GantryProcess gantry;
    private GantryUser user;
    private int round;

    @BeforeAll
    void deployTheFirstRelease() throws Exception {
        testbed = GantryTestbed.start(APP, Map.of());
        gantry = testbed.gantry;
        user = testbed.user;
        deploy();
        assertTrue(user.ssh("deploy:set", APP, "watch=0s", "drain-timeout=10s").ok());
    }

    @AfterAll
    void cleanUp() throws Exception {
        if (testbed != null) {
            testbed.close();
        }
    }

    @Test
    @Order(1)
    void deploysRollbacksConfigChangesScalingAndRestartsUnderLoadDropNothing() throws Exception {
        List<LoadClient.Sample> samples;
        try (LoadClient load = LoadClient.on(gantry, APP)) {
            for (int i = 1; i <= 5; i++) {
                deploy();
                if (i == 2 || i == 3 || i == 5) {
                    Cli.Result rollback = user.ssh("rollback", APP);
                    assertTrue(rollback.ok(), rollback.output());
                }
                if (i == 1 || i == 4) {
                    Cli.Result config = user.ssh("config:set", APP, "ROUND=" + i);
                    assertTrue(config.ok(), config.output());
                }
                if (i == 2 || i == 4) {
                    Cli.Result scale = user.ssh("ps:scale", APP, i == 2 ? "web=3" : "web=1");
                    assertTrue(scale.ok(), scale.output());
                }
            }
            Cli.Result restart = user.ssh("ps:restart", APP);
            assertTrue(restart.ok(), restart.output());
            Thread.sleep(1000);
            samples = load.finish();
        }

        LoadClient.assertNothingDropped("5 deploys, 3 rollbacks, 2 config changes, scaling web 1-3-1 and a restart", samples);
        assertEquals(List.of(), LoadClient.staleAnswers(samples).stream().limit(10).toList(),
                "a request got an older release after a newer one had answered");
        Set<String> releases = samples.stream().map(LoadClient.Sample::release).collect(Collectors.toSet());
        assertTrue(releases.size() >= 8, "the load saw the releases come and go: " + releases);
    }

    @Test
    @Order(2)
    void restartingTheControlPlaneUnderLoadDropsNothing() throws Exception {
        List<LoadClient.Sample> samples;
        try (LoadClient load = LoadClient.on(gantry, APP)) {
            Thread.sleep(500);
            gantry.stopControlPlane();
            Thread.sleep(1000);
            gantry.startControlPlane();
            deploy();
            Thread.sleep(500);
            samples = load.finish();
        }
        LoadClient.assertNothingDropped("a control-plane restart and a deploy", samples);
    }

    /**
     * Stopped and started again (not handed over), the router fails requests only while no router
     * listens: none before the old one is told to stop, none once the new one accepts connections,
     * which serves the saved table from its first request (operator guide, "Restarts and crashes").
     */
    @Test
    @Order(3)
    void aRouterStoppedAndStartedFailsRequestsOnlyWhileNoneListensThenServesItsSavedTable() throws Exception {
        String servingBefore = user.get(APP).body().trim();
        List<LoadClient.Sample> samples;
        long stopping;
        long listening;
        try (LoadClient load = LoadClient.on(gantry, APP)) {
            Thread.sleep(500);
            stopping = System.nanoTime();
            gantry.restartRouter();
            listening = System.nanoTime();
            Thread.sleep(1000);
            samples = load.finish();
        }
        List<LoadClient.Sample> failed = samples.stream().filter(LoadClient.Sample::failed).toList();
        long outageMillis = failed.isEmpty() ? 0 : (failed.stream().mapToLong(LoadClient.Sample::endNanos).max()
                .getAsLong() - failed.stream().mapToLong(LoadClient.Sample::startNanos).min().getAsLong()) / 1_000_000;
        System.out.printf("router stop and start under load: %d requests, %d failed within a %d ms window; no router"
                + " listened for %d ms%n", samples.size(), failed.size(), outageMillis, (listening - stopping) / 1_000_000);

        assertEquals(List.of(), failed.stream()
                .filter(sample -> sample.endNanos() < stopping || sample.startNanos() > listening).limit(10).toList(),
                "requests failed while a router listened");
        assertTrue(samples.stream().anyMatch(sample -> sample.startNanos() > listening && !sample.failed()),
                "the new router answered the load");
        assertEquals(servingBefore, user.get(APP).body().trim(), "the release routed before the restart");
    }

    @Test
    @Order(4)
    void handingTheRouterOverToANewProcessUnderLoadDropsNothing() throws Exception {
        List<LoadClient.Sample> samples;
        try (LoadClient load = LoadClient.on(gantry, APP)) {
            Thread.sleep(500);
            gantry.handOverRouter();
            Thread.sleep(500);
            gantry.handOverRouter();
            deploy();
            Thread.sleep(500);
            samples = load.finish();
        }
        LoadClient.assertNothingDropped("two router handovers and a deploy through the new router", samples);
    }

    private void deploy() throws Exception {
        Cli.Result push = testbed.push("round " + round++, ECHO_RELEASE);
        assertTrue(push.ok(), push.output());
    }
}
