package dev.gantry.control.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gantry.node.RunningContainer;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Process types from a Procfile and the formation, as users drive them over SSH: scaling, restarts,
 * maintenance, supervision of crashed instances, and all-or-nothing rollouts across process types.
 * The web type answers with its release and slot ("v1 web.2") so a test sees which instance served.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FormationIT {

    private static final String APP = "e2e-formation";
    private static final String WEB = "web: printf '%s %s\\n' \"$GANTRY_RELEASE\" \"$GANTRY_INSTANCE\""
            + " > /www/index.html; exec httpd -f -p $PORT -h /www";
    private static final String WORKER = "worker: exec sleep 100000";
    private static final String HTTPD_CMD = "CMD exec httpd -f -p $PORT -h /www";

    private GantryTestbed testbed;
    private GantryUser user;

    @BeforeAll
    void deploy() throws Exception {
        testbed = GantryTestbed.start(APP, Map.of());
        user = testbed.user;
        assertTrue(user.ssh("apps:create", APP).ok());
        assertTrue(user.ssh("deploy:set", APP, "watch=0s", "drain-timeout=5s", "stop-grace=2s").ok());
        Cli.Result push = push("v1", WEB + "\n" + WORKER + "\n");
        assertTrue(push.ok(), push.output());
        assertTrue(push.output().contains("Process types: web, worker"), push.output());
        assertTrue(push.output().contains("Releasing v1 with web=1 worker=1"), push.output());
    }

    @AfterAll
    void cleanUp() throws Exception {
        if (testbed != null) {
            testbed.close();
        }
    }

    @Test
    @Order(1)
    void everyDeclaredTypeRunsAndPsShowsIt() throws Exception {
        Cli.Result ps = user.ssh("ps", APP);

        assertTrue(ps.ok(), ps.output());
        assertTrue(ps.output().contains("=== " + APP + ": web=1 worker=1"), ps.output());
        assertTrue(Pattern.compile("(?m)^web\\.1\\s+v1\\s+up\\s+\\S+\\s+0\\s+\\S+\\s+127\\.0\\.0\\.1:\\d+\\s+ok$")
                .matcher(ps.output()).find(), ps.output());
        assertTrue(Pattern.compile("(?m)^worker\\.1\\s+v1\\s+up\\s+\\S+\\s+0\\s+\\S+\\s+-\\s+-$")
                .matcher(ps.output()).find(), ps.output());
        assertEquals("v1 web.1", user.get(APP).body().trim());
    }

    @Test
    @Order(2)
    void scalingWebUpPutsEveryNewInstanceBehindTheRouter() throws Exception {
        Cli.Result scale = user.ssh("ps:scale", APP, "web=3");

        assertTrue(scale.ok(), scale.output());
        assertTrue(scale.output().contains(APP + " runs web=3 worker=1"), scale.output());
        assertEquals(Set.of("v1 web.1", "v1 web.2", "v1 web.3"), answeringInstances(30));
        assertEquals(3, instances("web").size());
    }

    @Test
    @Order(3)
    void badScaleArgumentsChangeNothing() {
        assertRefused(user.ssh("ps:scale", APP, "wrker=1"), "has no process type 'wrker' (its types: web, worker)");
        assertRefused(user.ssh("ps:scale", APP, "web=-1"), "'web=-1' is not a count from 0 to 50");
        assertRefused(user.ssh("ps:scale", APP, "web=51"), "'web=51' is not a count from 0 to 50");
        assertRefused(user.ssh("ps:scale", APP, "Web=1"), "'Web' is not a process type that can be scaled");
        assertRefused(user.ssh("ps:scale", APP, "web"), "'web' is not KEY=VALUE");
        assertRefused(user.ssh("ps:scale", APP), "no process type given");
        assertTrue(user.ssh("ps", APP).output().contains("web=3 worker=1"));
    }

    @Test
    @Order(4)
    void aKilledWebInstanceCostsNoRequestAndComesBackOnANewPort() throws Exception {
        RunningContainer victim = instances("web").get(0);
        List<LoadClient.Sample> samples;
        try (LoadClient load = new LoadClient(testbed.gantry.routerPort, APP + ".localhost", 4, 20_000,
                Duration.ofSeconds(60))) {
            Thread.sleep(500);
            Cli.ok(testbed.work, Map.of(), "docker", "kill", victim.id());
            awaitInstances("web", 3, victim.id());
            Thread.sleep(500);
            samples = load.finish();
        }

        List<LoadClient.Sample> failed = samples.stream().filter(LoadClient.Sample::failed).toList();
        assertEquals(List.of(), failed.stream().limit(5).toList(), failed.size() + " of " + samples.size()
                + " requests failed while an instance was killed");
        String ps = user.ssh("ps", APP).output();
        assertTrue(Pattern.compile("(?m)^web\\.\\d\\s+v1\\s+up\\s+\\S+\\s+1\\s").matcher(ps).find(),
                "the restart is counted:\n" + ps);
        assertEquals(Set.of("v1 web.1", "v1 web.2", "v1 web.3"), answeringInstances(30));
    }

    @Test
    @Order(5)
    void theRestApiShowsAndScalesTheFormationAndRefusesBadCounts() {
        HttpResponse<String> formation = testbed.api.get("/apps/" + APP + "/formation");
        assertEquals(200, formation.statusCode(), formation.body());
        assertTrue(formation.body().contains("{\"type\":\"web\",\"quantity\":3,\"limits\":\"memory=1g cpus=unlimited"
                + " pids=512\"}"), formation.body());

        HttpResponse<String> scaled = testbed.api.send("PATCH", "/apps/" + APP + "/formation", "{\"web\": 2}");
        assertEquals(200, scaled.statusCode(), scaled.body());
        assertTrue(scaled.body().contains("{\"type\":\"web\",\"quantity\":2,"), scaled.body());
        HttpResponse<String> instances = testbed.api.get("/apps/" + APP + "/instances");
        assertEquals(2, Pattern.compile("\"slot\":\"web\\.\\d\",\"release\":\"v1\",\"state\":\"up\"")
                .matcher(instances.body()).results().count(), instances.body());

        GantryApi.assertProblem(testbed.api.send("PATCH", "/apps/" + APP + "/formation", "{\"web\": 99}"), 422,
                "'web=99' is not a count");
        GantryApi.assertProblem(testbed.api.send("PATCH", "/apps/" + APP + "/formation", "{\"web\": \"2\"}"), 422,
                "web");
        GantryApi.assertProblem(testbed.api.get("/apps/nope/instances"), 404, "nope");
        assertTrue(user.ssh("ps:scale", APP, "web=3").ok());
    }

    @Test
    @Order(6)
    void aReleaseWhoseWorkerFailsSwitchesNothing() throws Exception {
        Set<String> before = containerIds();

        Cli.Result push = push("v2", WEB + "\nworker: echo worker cannot start; exit 3\n");

        assertFalse(push.ok(), push.output());
        assertTrue(push.output().contains("worker.1 of v2 did not keep running"), push.output());
        assertTrue(push.output().contains("No process type switched"), push.output());
        assertTrue(push.output().contains("worker cannot start"), "the worker's last output is shown:\n"
                + push.output());
        assertEquals(before, containerIds(), "every new instance is removed, every old one untouched");
        assertTrue(answeringInstances(10).stream().allMatch(body -> body.startsWith("v1 ")));
    }

    @Test
    @Order(7)
    void aBrokenProcfileIsRefusedBeforeAnythingIsBuilt() throws Exception {
        Cli.Result push = push("v2", "web ./server\n");

        assertFalse(push.ok(), push.output());
        assertTrue(push.output().contains("Procfile line 1: expected 'type: command'"), push.output());
        assertFalse(push.output().contains("Step 1/"), push.output());
    }

    @Test
    @Order(8)
    void psRestartReplacesEveryInstance() throws Exception {
        Set<String> before = containerIds();

        Cli.Result restart = user.ssh("ps:restart", APP);

        assertTrue(restart.ok(), restart.output());
        assertTrue(restart.output().contains("Restarted 4 instance(s)"), restart.output());
        awaitGone(before);
        assertEquals(4, containerIds().size());
        assertTrue(containerIds().stream().noneMatch(before::contains), "all containers are new");
    }

    @Test
    @Order(9)
    void webAtZeroAndStoppedAppsAnswer503UntilStartedAgain() throws Exception {
        assertTrue(user.ssh("ps:scale", APP, "web=0").ok());
        assertEquals(503, user.get(APP).statusCode());

        assertTrue(user.ssh("ps:scale", APP, "web=2").ok());
        assertEquals(200, user.get(APP).statusCode());

        Set<String> running = containerIds();
        Cli.Result stop = user.ssh("ps:stop", APP);
        assertTrue(stop.ok(), stop.output());
        assertEquals(503, user.get(APP).statusCode());
        awaitGone(running);
        String ps = user.ssh("ps", APP).output();
        assertTrue(ps.contains("(stopped: run 'ps:start " + APP + "')"), ps);
        Thread.sleep(2 * 2000);
        assertEquals(Set.of(), containerIds(), "the supervisor leaves a stopped app alone");

        Cli.Result start = user.ssh("ps:start", APP);
        assertTrue(start.ok(), start.output());
        assertTrue(start.output().contains(APP + " runs web=2 worker=1"), start.output());
        assertEquals(Set.of("v1 web.1", "v1 web.2"), answeringInstances(20));

        assertEquals(200, testbed.api.send("POST", "/apps/" + APP + "/stop", null).statusCode());
        assertEquals(503, user.get(APP).statusCode());
        HttpResponse<String> started = testbed.api.send("POST", "/apps/" + APP + "/start", null);
        assertEquals(200, started.statusCode(), started.body());
        assertEquals(Set.of("v1 web.1", "v1 web.2"), answeringInstances(20));
    }

    @Test
    @Order(10)
    void instancesTheEngineStoppedComeBackAsAfterAnEngineRestart() throws Exception {
        Set<String> before = containerIds();
        List<String> stop = new ArrayList<>(List.of("docker", "stop", "-t", "1"));
        stop.addAll(before);

        Cli.ok(testbed.work, Map.of(), stop.toArray(String[]::new));

        awaitInstances("web", 2, "");
        awaitInstances("worker", 1, "");
        awaitServing(Duration.ofSeconds(15));
        assertTrue(containerIds().stream().noneMatch(before::contains), "stopped containers are replaced");
        assertEquals(Set.of("v1 web.1", "v1 web.2"), answeringInstances(20));
    }

    @Test
    @Order(11)
    void theFormationAndItsInstancesSurviveAControlPlaneRestart() throws Exception {
        // The replacements of the test before may still be waited for: a restart then cuts their start
        // short, which undoes it like a failed start, and the next control plane starts them again.
        awaitSettled();
        Set<String> before = containerIds();

        testbed.gantry.stopControlPlane();
        testbed.gantry.startControlPlane();

        assertEquals(before, containerIds(), "running instances are adopted, not restarted");
        String ps = user.ssh("ps", APP).output();
        assertTrue(ps.contains("web=2 worker=1"), ps);
    }

    @Test
    @Order(12)
    void limitsApplyToInstancesStartedAfterwardsAndBadLimitsAreRefused() throws Exception {
        Cli.Result set = user.ssh("limits:set", APP, "worker", "memory=64m", "cpus=0.5", "pids=128");
        assertTrue(set.ok(), set.output());
        assertTrue(set.output().contains("worker: memory=64m cpus=0.5 pids=128"), set.output());
        String limits = user.ssh("limits", APP).output();
        assertTrue(Pattern.compile("(?m)^web\\s+memory=1g cpus=unlimited pids=512$").matcher(limits).find(), limits);

        assertTrue(user.ssh("ps:restart", APP, "worker").ok());

        String worker = instances("worker").get(0).id();
        Cli.Result inspect = Cli.ok(testbed.work, Map.of(), "docker", "inspect", "-f",
                "{{.HostConfig.Memory}} {{.HostConfig.NanoCpus}} {{.HostConfig.PidsLimit}}", worker);
        assertEquals("67108864 500000000 128", inspect.output().trim());
        assertRefused(user.ssh("limits:set", APP, "worker", "memory=lots"), "memory: 'lots' is not a size");
        assertRefused(user.ssh("limits:set", APP, "worker", "memory=1m"), "below the engine's minimum of 6m");
        assertRefused(user.ssh("limits:set", APP, "worker", "swap=1g"), "unknown limit 'swap'");
        assertRefused(user.ssh("limits:set", APP, "worker", "cpus=0"), "cpus: '0' is not a share of CPU");
    }

    @Test
    @Order(13)
    void aCrashLoopOrAnOomKillIsBackedOffAndReportedWithoutTouchingOtherTypes() throws Exception {
        Set<String> web = Set.copyOf(instances("web").stream().map(RunningContainer::id).toList());
        assertTrue(user.ssh("limits:set", APP, "hog", "memory=16m").ok());
        Cli.Result push = push("v3", WEB + "\n" + WORKER + "\nflaky: sleep 2; echo giving up; exit 4\n"
                + "hog: sleep 2; x=a; while true; do x=$x$x; done\n");
        assertTrue(push.ok(), push.output());

        awaitPs("crash loop", Duration.ofSeconds(40));
        awaitPs("exited with code 4", Duration.ofSeconds(40));
        String ps = awaitPs("killed for running out of memory", Duration.ofSeconds(40));

        assertTrue(Pattern.compile("(?m)^web\\.1\\s+v3\\s+up").matcher(ps).find(), ps);
        assertTrue(answeringInstances(10).stream().allMatch(body -> body.startsWith("v3 ")));
        assertTrue(instances("web").stream().noneMatch(c -> web.contains(c.id())), "web moved to v3");
    }

    @Test
    @Order(14)
    void theReleaseCommandRunsOncePerNewBuildBeforeAnyInstanceStarts() throws Exception {
        Cli.Result push = push("v4", WEB + "\n" + WORKER + "\nrelease: echo \"migrating for $GANTRY_RELEASE\"\n");

        assertTrue(push.ok(), push.output());
        assertTrue(push.output().indexOf("Running the release command of v4: echo") < push.output()
                .indexOf("Starting web.1 of v4"), push.output());
        assertTrue(push.output().contains("       migrating for v4"), push.output());
        assertTrue(user.ssh("releases:info", APP, "v4").output().contains("release command ran: echo"));

        Cli.Result config = user.ssh("config:set", APP, "MODE=calm");
        assertTrue(config.ok(), config.output());
        assertFalse(config.output().contains("Running the release command"), "same build, no second run:\n"
                + config.output());
    }

    @Test
    @Order(15)
    void aFailingReleaseCommandStopsTheDeployBeforeAnythingSwitches() throws Exception {
        Set<String> serving = containerIdsOf("5");

        Cli.Result push = push("v6", WEB + "\nrelease: echo cannot migrate; exit 5\n");

        assertFalse(push.ok(), push.output());
        assertTrue(push.output().contains("the release command of v6 failed (exit code 5"), push.output());
        assertTrue(push.output().contains("       cannot migrate"), push.output());
        assertEquals(serving, containerIdsOf("5"));
        assertEquals(Set.of(), containerIdsOf("6"), "no instance of the failed release was started");
        assertTrue(answeringInstances(5).stream().allMatch(body -> body.startsWith("v5 ")));
    }

    @Test
    @Order(16)
    void rollingBackPastAReleaseCommandAsksForForce() {
        Cli.Result refused = user.ssh("rollback", APP, "v3");
        assertRefused(refused, "v4 ran 'echo \"migrating for $GANTRY_RELEASE\"' since v3");
        assertTrue(refused.output().contains("rollback " + APP + " v3 --force"), refused.output());

        Cli.Result forced = user.ssh("rollback", APP, "v3", "--force");
        assertTrue(forced.ok(), forced.output());
        assertFalse(forced.output().contains("Running the release command"), forced.output());
    }

    private Cli.Result push(String message, String procfile) throws IOException {
        Files.writeString(testbed.repo.resolve("Procfile"), procfile);
        return testbed.push(message, HTTPD_CMD);
    }

    private Set<String> answeringInstances(int requests) throws Exception {
        Set<String> bodies = new HashSet<>();
        for (int i = 0; i < requests; i++) {
            var response = user.get(APP);
            assertEquals(200, response.statusCode(), response.body());
            bodies.add(response.body().trim());
        }
        return bodies;
    }

    private List<RunningContainer> instances(String type) {
        return testbed.engine.list(Map.of("gantry.app", APP, "gantry.process", type)).stream()
                .filter(RunningContainer::running).toList();
    }

    private Set<String> containerIds() {
        return Set.copyOf(testbed.engine.list(Map.of("gantry.app", APP)).stream().map(RunningContainer::id).toList());
    }

    private Set<String> containerIdsOf(String release) {
        return Set.copyOf(testbed.engine.list(Map.of("gantry.app", APP, "gantry.release", release)).stream()
                .map(RunningContainer::id).toList());
    }

    private void awaitInstances(String type, int count, String notId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            List<RunningContainer> running = instances(type);
            if (running.size() == count && running.stream().noneMatch(c -> c.id().equals(notId))) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the killed instance was not replaced: " + instances(type));
    }

    /**
     * Until every instance of the app has run for 5 s, well past the 1 s a new worker must stay up and
     * the 2 s between supervision rounds, so that no start is still being waited for.
     */
    private void awaitSettled() throws InterruptedException {
        Duration settled = Duration.ofSeconds(5);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            Instant now = Instant.now();
            if (testbed.engine.list(Map.of("gantry.app", APP)).stream()
                    .allMatch(c -> c.startedAt() != null && c.startedAt().plus(settled).isBefore(now))) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the app's instances did not settle: " + testbed.engine.list(Map.of("gantry.app", APP)));
    }

    /** Until both web instances answer through the router (a restarted one joins once healthy). */
    private void awaitServing(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        Set<String> seen = new HashSet<>();
        while (System.nanoTime() < deadline && seen.size() < 2) {
            var response = user.get(APP);
            if (response.statusCode() == 200) {
                seen.add(response.body().trim());
            } else {
                Thread.sleep(100);
            }
        }
        assertEquals(2, seen.size(), "both web instances answer again");
    }

    private void awaitGone(Set<String> ids) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline && containerIds().stream().anyMatch(ids::contains)) {
            Thread.sleep(250);
        }
        assertTrue(containerIds().stream().noneMatch(ids::contains), "retired instances were stopped");
    }

    private String awaitPs(String expected, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String ps = "";
        while (System.nanoTime() < deadline) {
            ps = user.ssh("ps", APP).output();
            if (ps.contains(expected)) {
                return ps;
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("'ps' never showed '" + expected + "':\n" + ps);
    }

    private static void assertRefused(Cli.Result result, String message) {
        assertNotEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains(message), result.output());
    }
}
