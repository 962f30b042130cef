package dev.gantry.control.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gantry.node.RunningContainer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The node runner as its own process (reliability F4, I1, I3): killing it under load drops no
 * request and, once it is back, no instance was restarted; a rollout in flight rides out its restart;
 * a push while it is down fails in one line and the running release keeps serving.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NodeRunnerIT {

    private static final String APP = "e2e-node";
    private static final String ECHO_RELEASE = TestImages.ECHO_RELEASE;
    /** Binds its port after a few seconds, so the rollout is waiting for it when the runner dies. */
    private static final String SLOW_TO_START = "CMD sleep 4; " + ECHO_RELEASE.substring("CMD ".length());

    private GantryTestbed testbed;
    private GantryProcess gantry;
    private GantryUser user;

    @BeforeAll
    void deployTwoWebInstances() throws Exception {
        // A short patience keeps the push that finds no runner brief; a restart takes well under it.
        testbed = GantryTestbed.start(APP, Map.of("GANTRY_NODE_MODE", "process", "GANTRY_NODE_RUNNER_PATIENCE", "8s"));
        gantry = testbed.gantry;
        user = testbed.user;
        Cli.Result push = testbed.push("v1", ECHO_RELEASE);
        assertTrue(push.ok(), push.output());
        assertTrue(user.ssh("deploy:set", APP, "watch=0s", "drain-timeout=1s", "stop-grace=1s").ok());
        Cli.Result scaled = user.ssh("ps:scale", APP, "web=2");
        assertTrue(scaled.ok(), scaled.output());
    }

    @AfterAll
    void cleanUp() throws Exception {
        if (testbed != null) {
            testbed.close();
        }
    }

    @Test
    @Order(1)
    void aKilledNodeRunnerDropsNoRequestAndRestartsNoInstance() throws Exception {
        Map<String, Instant> before = testbed.startedAtById();
        assertEquals(2, before.size(), "two web instances run: " + before);
        List<LoadClient.Sample> samples = LoadClient.during(gantry, APP, () -> {
            Thread.sleep(500);
            gantry.killNodeRunner();
            // The control plane's supervision rounds fail meanwhile; the instances and the router don't care.
            Thread.sleep(3000);
            gantry.startNodeRunner();
            // Rounds of the runner's own loop and the control plane's: a restart would have happened by now.
            Thread.sleep(6000);
        });

        LoadClient.assertNothingDropped("a SIGKILL of the node runner and its start", samples);
        assertEquals(before, testbed.startedAtById(), "the same containers, not restarted (id and StartedAt), no duplicates");
        assertTrue(gantry.nodeRunnerLog().contains("2 desired instance(s) of 1 app(s)"),
                "the restarted runner read back what it runs:\n" + gantry.nodeRunnerLog());
        Cli.Result ps = user.ssh("ps", APP);
        assertTrue(ps.ok() && ps.output().contains("web.1") && ps.output().contains("web.2"), ps.output());
    }

    @Test
    @Order(2)
    void aRolloutInFlightRidesOutARestartOfTheNodeRunner() throws Exception {
        Map<String, Instant> v1 = testbed.startedAtById();
        user.commitApp(testbed.repo, "slow", SLOW_TO_START);
        BackgroundCommand push = user.startGit(testbed.repo, "push", "paas", "main");
        List<LoadClient.Sample> samples = LoadClient.during(gantry, APP, () -> {
            push.awaitOutput("Waiting for " + APP + "-web-v2", Duration.ofMinutes(2));
            gantry.killNodeRunner();
            Thread.sleep(1000);
            gantry.startNodeRunner();
            push.await(Duration.ofMinutes(2));
        });
        Cli.Result pushed = push.await(Duration.ofSeconds(1));

        assertTrue(pushed.ok(), "the push survives the runner's restart:\n" + pushed.output());
        assertTrue(pushed.output().contains(APP + " v2 deployed"), pushed.output());
        LoadClient.assertNothingDropped("a rollout across a restart of the node runner", samples);
        assertEquals(List.of(), LoadClient.staleAnswers(samples), "no v1 answer after a v2 one");
        assertEquals("v2", user.get(APP).body().trim());
        awaitOnly("2", v1);
    }

    @Test
    @Order(3)
    void aPushWhileTheNodeRunnerIsDownFailsInOneLineAndTheReleaseKeepsServing() throws Exception {
        Map<String, Instant> serving = testbed.startedAtById();
        gantry.killNodeRunner();
        try {
            Cli.Result push = testbed.push("v3", ECHO_RELEASE);

            assertNotEquals(0, push.exitCode(), push.output());
            List<String> reasons = push.output().lines().filter(line -> line.startsWith("remote:  !")).toList();
            assertEquals(1, reasons.size(), push.output());
            assertTrue(reasons.get(0).contains("the node runner at http://127.0.0.1:" + gantry.nodeRunnerPort
                    + " does not answer"), reasons.get(0));
            assertTrue(reasons.get(0).contains("Start it (./gantry up) and retry"), reasons.get(0));
            assertTrue(reasons.get(0).contains("the previous release keeps serving"), reasons.get(0));
            assertEquals("v2", user.get(APP).body().trim());
            String releases = user.ssh("releases", APP).output();
            assertTrue(releases.contains("v3") && releases.lines().anyMatch(line -> line.startsWith("v3")
                    && line.contains("failed")), "v3 is recorded as failed:\n" + releases);
        } finally {
            gantry.startNodeRunner();
        }
        assertEquals(serving, testbed.startedAtById(), "v2's instances untouched");
        Cli.Result next = testbed.push("v4", ECHO_RELEASE);
        assertTrue(next.ok() && next.output().contains(APP + " v4 deployed"), next.output());
        assertEquals("v4", user.get(APP).body().trim());
    }

    /** Until only instances of {@code release} are left (the old ones drain and stop), at most 30 s. */
    private void awaitOnly(String release, Map<String, Instant> old) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<RunningContainer> all = testbed.engine.list(Map.of("gantry.app", APP));
        while (System.nanoTime() < deadline
                && !all.stream().allMatch(c -> release.equals(c.labels().get("gantry.release")))) {
            Thread.sleep(250);
            all = testbed.engine.list(Map.of("gantry.app", APP));
        }
        assertEquals(2, all.size(), "two instances of v" + release + ", nothing else: " + all);
        assertTrue(all.stream().allMatch(c -> release.equals(c.labels().get("gantry.release"))
                && !old.containsKey(c.id())), "old instances left behind: " + all);
    }
}
