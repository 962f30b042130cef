package dev.gantry.control.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gantry.node.RunningContainer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Restarts and crashes of the control plane lose nothing (reliability F4 and F5, I1-I5; the node
 * runner runs inside the control plane): under load through the router, a SIGTERM while idle adopts
 * the running instances as they are, and a SIGKILL while a rollout waits for its new instance to
 * become healthy leaves the old release serving, the interrupted release failed with its reason, no
 * container of it on the engine, no lock held and no gap in the history.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ControlPlaneCrashIT {

    private static final String APP = "e2e-crash";
    private static final String ECHO_RELEASE = TestImages.ECHO_RELEASE;
    /** Binds its port only after a minute: the rollout is still waiting for it when the control plane dies. */
    private static final String SLOW_TO_START = "CMD sleep 60; " + ECHO_RELEASE.substring("CMD ".length());

    private GantryTestbed testbed;
    private GantryProcess gantry;
    private GantryUser user;

    @BeforeAll
    void deployTheFirstRelease() throws Exception {
        testbed = GantryTestbed.start(APP, Map.of());
        gantry = testbed.gantry;
        user = testbed.user;
        Cli.Result push = testbed.push("v1", ECHO_RELEASE);
        assertTrue(push.ok(), push.output());
        assertTrue(user.ssh("deploy:set", APP, "watch=0s").ok());
    }

    @AfterAll
    void cleanUp() throws Exception {
        if (testbed != null) {
            testbed.close();
        }
    }

    @Test
    @Order(1)
    void aStopAndStartWhileIdleAdoptsTheInstancesAsTheyAre() throws Exception {
        Map<String, Instant> before = testbed.startedAtById();
        List<LoadClient.Sample> samples = LoadClient.during(gantry, APP, () -> {
            Thread.sleep(500);
            gantry.stopControlPlane();
            Thread.sleep(1000);
            gantry.startControlPlane();
            // Two supervisor rounds: anything it wanted to restart would have been by now.
            Thread.sleep(5000);
        });

        LoadClient.assertNothingDropped("a SIGTERM and start of the control plane", samples);
        assertEquals(before, testbed.startedAtById(), "the same containers, not restarted (id and StartedAt)");
    }

    @Test
    @Order(2)
    void aKillWhileARolloutWaitsLeavesTheOldReleaseServingAndNothingBehind() throws Exception {
        Map<String, Instant> serving = testbed.startedAtById();
        List<LoadClient.Sample> samples;
        Cli.Result interrupted;
        try (LoadClient load = LoadClient.on(gantry, APP)) {
            user.commitApp(testbed.repo, "slow", SLOW_TO_START);
            BackgroundCommand push = user.startGit(testbed.repo, "push", "paas", "main");
            push.awaitOutput("Waiting for " + APP + "-web-v2", Duration.ofMinutes(2));
            assertEquals(1, instancesOf("2").size(), "the new release's instance exists before the kill");

            gantry.killControlPlane();
            interrupted = push.await(Duration.ofSeconds(30));
            gantry.startControlPlane();
            Thread.sleep(3000);
            samples = load.finish();
        }

        LoadClient.assertNothingDropped("a SIGKILL of the control plane mid-rollout and its start", samples);
        assertEquals(List.of("v1"), samples.stream().map(LoadClient.Sample::release).distinct().toList(),
                "the old release served throughout, and only it");
        assertNotEquals(0, interrupted.exitCode(), "the push in flight fails:\n" + interrupted.output());
        assertTrue(interrupted.output().contains("remote end hung up"), interrupted.output());
        assertFalse(interrupted.output().contains("Exception"), interrupted.output());

        assertEquals(List.of(), instancesOf("2"), "no container of the interrupted release is left");
        assertEquals(serving, testbed.startedAtById(), "v1's instance adopted after the kill (same id and StartedAt),"
                + " and nothing else on the engine");
        String releases = user.ssh("releases", APP).output();
        assertTrue(Pattern.compile("(?m)^v2\\s+failed .*control plane restarted during the rollout").matcher(releases)
                .find(), releases);

        Cli.Result next = testbed.push("v3", ECHO_RELEASE);
        assertTrue(next.ok(), "no lock is left held:\n" + next.output());
        assertTrue(next.output().contains(APP + " v3 deployed"), "the next release takes the next number:\n"
                + next.output());
        assertEquals("v3", user.get(APP).body().trim());
        assertTrue(Pattern.compile("(?m)^v3\\s+current[^\\n]*\\nv2\\s+failed[^\\n]*\\nv1\\s").matcher(user.ssh("releases", APP)
                .output()).find(), "history without a gap:\n" + user.ssh("releases", APP).output());
    }

    private List<RunningContainer> instancesOf(String release) {
        return testbed.engine.list(Map.of("gantry.app", APP, "gantry.release", release));
    }
}
