package dev.gantry.control.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gantry.node.ContainerEngine;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
 * Rollback over SSH and REST, health-check settings, the watch window's automatic rollback, and
 * image retention, against the packaged Gantry with the real engine, git and ssh.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RollbackIT {

    private static final String APP = "e2e-rollback";
    private static final String SERVE = "CMD httpd -f -p $PORT -h /www";
    private static final int IMAGES_KEPT = 4;

    private GantryTestbed testbed;
    private ContainerEngine engine;
    private GantryProcess gantry;
    private GantryUser user;
    private GantryApi api;
    private Path repo;

    @BeforeAll
    void start() throws Exception {
        testbed = GantryTestbed.start(APP, Map.of("GANTRY_RELEASE_IMAGES_KEPT", "" + IMAGES_KEPT));
        engine = testbed.engine;
        gantry = testbed.gantry;
        user = testbed.user;
        api = testbed.api;
        repo = testbed.repo;
        for (int version = 1; version <= 3; version++) {
            user.commitApp(repo, "hello v" + version, SERVE);
            Cli.Result push = user.git(repo, "push", "paas", "main");
            assertTrue(push.ok(), push.output());
        }
        assertTrue(user.ssh("deploy:set", APP, "watch=0s").ok());
    }

    @AfterAll
    void stop() throws Exception {
        if (testbed != null) {
            testbed.close();
        }
    }

    @Test
    @Order(1)
    void rollbackWithoutVersionGoesToThePreviousReleaseAsANewOneWithoutBuilding() throws Exception {
        Cli.Result rollback = user.ssh("rollback", APP);

        assertTrue(rollback.ok(), rollback.output());
        assertTrue(rollback.output().contains("back to v2 (no build"), rollback.output());
        assertFalse(rollback.output().contains("Step 1/"), "nothing is built:\n" + rollback.output());
        assertEquals("hello v2", body());
        String releases = user.ssh("releases", APP).output();
        assertTrue(Pattern.compile("(?m)^v4\\s+current .*Rollback to v2").matcher(releases).find(), releases);
        assertTrue(Pattern.compile("(?m)^v3\\s").matcher(releases).find(), "history only grows:\n" + releases);
    }

    @Test
    @Order(2)
    void rollbackToANamedVersionAndReleasesInfoShowsWhatItCopied() throws Exception {
        Cli.Result rollback = user.ssh("rollback", APP, "v1");
        assertTrue(rollback.ok(), rollback.output());
        assertEquals("hello v1", body());

        Cli.Result info = user.ssh("releases:info", APP, "v5");
        assertTrue(info.ok(), info.output());
        assertTrue(info.output().contains("Summary:       Rollback to v1"), info.output());
        assertTrue(info.output().contains("Rollout:       succeeded"), info.output());
        assertTrue(Pattern.compile("healthy:\\s+after \\d+\\.\\d\\d s").matcher(info.output()).find(), info.output());

        Cli.Result diff = user.ssh("releases:diff", APP, "v1", "v3");
        assertTrue(diff.ok(), diff.output());
        assertTrue(diff.output().contains("2 new"), diff.output());
        assertTrue(diff.output().contains("hello v3"), diff.output());
    }

    @Test
    @Order(3)
    void badVersionsAreRefusedInOneLineAndChangeNothing() {
        for (String bad : new String[] {"v0", "v-1", "vX", "v2;id", "99"}) {
            Cli.Result refused = user.ssh("rollback", APP, bad);
            assertFalse(refused.ok(), bad + ": " + refused.output());
            assertTrue(refused.output().startsWith("error: "), refused.output());
            assertEquals(1, refused.output().strip().lines().count(), refused.output());
        }
        Cli.Result current = user.ssh("rollback", APP, "v5");
        assertTrue(current.output().contains("already the current release"), current.output());
        assertFalse(user.ssh("releases", APP).output().contains("v6"), "no release was made");
    }

    @Test
    @Order(4)
    void restRollbackAnswers201AndProblemDocumentsForBadInput() throws Exception {
        HttpResponse<String> created = api.send("POST", "/apps/" + APP + "/rollback", "{\"version\": 3}");
        assertEquals(201, created.statusCode(), created.body());
        assertTrue(created.body().contains("\"version\":6"), created.body());
        assertTrue(created.body().contains("Rollback to v3"), created.body());
        assertEquals("hello v3", body());

        GantryApi.assertProblem(api.send("POST", "/apps/" + APP + "/rollback", "{\"version\": 3"), 400, "line 1");
        GantryApi.assertProblem(api.send("POST", "/apps/" + APP + "/rollback", "{\"version\": \"2\"}"), 422, "version");
        GantryApi.assertProblem(api.send("POST", "/apps/" + APP + "/rollback", "{\"version\": -1}"), 422, "version");
        GantryApi.assertProblem(api.send("POST", "/apps/" + APP + "/rollback", "{\"verzion\": 2}"), 422, "verzion");
        GantryApi.assertProblem(api.send("POST", "/apps/" + APP + "/rollback", "{\"version\": 2}", false), 401, "token");
        GantryApi.assertProblem(api.send("POST", "/apps/nope/rollback", "{\"version\": 2}"), 404, "nope");
        assertFalse(user.ssh("releases", APP).output().contains("v7"), "refused requests made no release");
    }

    @Test
    @Order(5)
    void imagesBeyondTheRetainedReleasesAreRemovedAndRollingBackToThemSaysWhy() {
        for (int push = 0; push < 2; push++) {
            try {
                user.commitApp(repo, "hello more " + push, SERVE);
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
            assertTrue(user.git(repo, "push", "paas", "main").ok());
        }
        List<String> builds = engine.tagsIn("gantry/" + APP).stream().filter(tag -> tag.contains(":build-")).toList();
        assertTrue(builds.size() <= IMAGES_KEPT, "at most " + IMAGES_KEPT + " images stay: " + builds);

        Cli.Result tooOld = user.ssh("rollback", APP, "v2");
        assertFalse(tooOld.ok(), tooOld.output());
        assertTrue(tooOld.output().contains("no longer on the node"), tooOld.output());
    }

    @Test
    @Order(6)
    void aReleaseThatCrashesWhileWatchedIsRolledBackAutomatically() throws Exception {
        assertTrue(user.ssh("deploy:set", APP, "watch=30s").ok());
        user.commitApp(repo, "hello flaky", "CMD httpd -p $PORT -h /www; sleep 3; exit 1");
        Cli.Result push = user.git(repo, "push", "paas", "main");
        assertTrue(push.ok(), "the release passes its first check:\n" + push.output());
        assertTrue(push.output().contains("Watching v9 for 30 s"), push.output());

        String releases = awaitReleases(Pattern.compile("(?m)^v10\\s+current .*Automatic rollback from v9"));
        assertTrue(Pattern.compile("(?m)^v9\\s+rolled-back .*exited").matcher(releases).find(), releases);
        assertEquals("hello more 1", body());
    }

    @Test
    @Order(7)
    void checksSetIsValidatedAndAppJsonChecksAreUsedAndShown() throws Exception {
        assertTrue(user.ssh("deploy:set", APP, "watch=0s").ok());
        Cli.Result bad = user.ssh("checks:set", APP, "path=health", "timeout=forever");
        assertFalse(bad.ok());
        assertTrue(bad.output().contains("checks.path"), bad.output());
        Cli.Result set = user.ssh("checks:set", APP, "path=/", "attempts=20", "wait=1s");
        assertTrue(set.ok(), set.output());
        assertTrue(set.output().contains("20 attempts 1s apart"), set.output());

        Files.writeString(repo.resolve("app.json"), "{\"healthchecks\": {\"web\": [{\"type\": \"startup\","
                + " \"path\": \"/index.html\", \"timeout\": \"soon\"}]}}");
        user.commitApp(repo, "hello app.json", SERVE);
        Cli.Result refused = user.git(repo, "push", "paas", "main");
        assertFalse(refused.ok(), refused.output());
        assertTrue(refused.output().contains("app.json: healthchecks.web[0]: timeout must be a number of seconds"),
                refused.output());

        Files.writeString(repo.resolve("app.json"), "{\"healthchecks\": {\"web\": [{\"type\": \"startup\","
                + " \"path\": \"/index.html\", \"timeout\": 3, \"attempts\": 10, \"wait\": 1}]}}");
        user.commitApp(repo, "hello app.json", SERVE);
        Cli.Result push = user.git(repo, "push", "paas", "main");
        assertTrue(push.ok(), push.output());
        assertTrue(push.output().contains(
                "GET /index.html below 500 within 1m of the start (timeout 3s, 10 attempts 1s apart)"), push.output());
        assertEquals("hello app.json", body());
    }

    @Test
    @Order(8)
    void aReleaseThatAnswersUsersMostlyWith5xxIsRolledBackAutomatically() throws Exception {
        assertTrue(user.ssh("deploy:set", APP, "watch=60s").ok());
        assertTrue(user.ssh("checks:disable", APP).ok());
        assertTrue(user.ssh("checks:set", APP, "uptime=1s").ok());
        Files.delete(repo.resolve("app.json"));
        user.commitApp(repo, "hello 500", "CMD nc -ll -p $PORT -e sh -c"
                + " 'printf \"HTTP/1.0 500 Oops\\r\\nContent-Length: 0\\r\\n\\r\\n\"'");
        Cli.Result push = user.git(repo, "push", "paas", "main");
        assertTrue(push.ok(), "uptime-only checks let it through:\n" + push.output());

        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        int status = 500;
        while (status != 200 && System.nanoTime() < deadline) {
            status = user.get(APP).statusCode();
            Thread.sleep(50);
        }
        assertEquals("hello app.json", body(), "users get the release before again");
        String releases = awaitReleases(Pattern.compile("(?m)^v13\\s+current .*Automatic rollback from v12"));
        assertTrue(Pattern.compile("(?m)^v12\\s+rolled-back .*responses were 5xx").matcher(releases).find(), releases);
    }

    @Test
    @Order(9)
    void restartsAndScalesWhileWatchedAreNotTakenForCrashes() throws Exception {
        assertTrue(user.ssh("deploy:set", APP, "watch=60s").ok());
        user.commitApp(repo, "hello watched", SERVE);
        Cli.Result push = user.git(repo, "push", "paas", "main");
        assertTrue(push.ok(), push.output());
        assertTrue(push.output().contains("Watching v14 for 60 s"), push.output());

        for (String[] change : new String[][] {{"ps:restart", APP}, {"ps:scale", APP, "web=2"},
                {"ps:restart", APP}, {"ps:scale", APP, "web=0"}}) {
            Cli.Result changed = user.ssh(change);
            assertTrue(changed.ok(), changed.output());
        }
        // With web=0 no instance serves while the watch still runs: that is what the user asked for.
        Thread.sleep(3000);
        Cli.Result scaledBack = user.ssh("ps:scale", APP, "web=1");
        assertTrue(scaledBack.ok(), scaledBack.output());

        String releases = user.ssh("releases", APP).output();
        assertTrue(Pattern.compile("(?m)^v14\\s+current").matcher(releases).find(),
                "instances stopped by a change are no crash:\n" + releases);
        assertEquals("hello watched", body());
    }

    private String awaitReleases(Pattern expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String releases = "";
        while (System.nanoTime() < deadline) {
            releases = user.ssh("releases", APP).output();
            if (expected.matcher(releases).find()) {
                return releases;
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("releases never matched " + expected + ":\n" + releases);
    }

    private String body() throws Exception {
        HttpResponse<String> response = user.get(APP);
        assertEquals(200, response.statusCode(), response.body());
        return response.body().trim();
    }
}
