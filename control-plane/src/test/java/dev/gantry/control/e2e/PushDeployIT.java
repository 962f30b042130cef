package dev.gantry.control.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gantry.node.ContainerEngine;
import java.io.IOException;
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
 * The README's story on the real parts: the packaged control plane with its embedded PostgreSQL,
 * the OpenSSH and git clients, the Docker engine, and HTTP through the router on 127.0.0.1.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PushDeployIT {

    private static final String APP = "e2e-hello";
    private static final String SERVE = "CMD httpd -f -p $PORT -h /www";

    private GantryTestbed testbed;
    private ContainerEngine engine;
    private GantryProcess gantry;
    private GantryUser user;
    private Path repo;

    @BeforeAll
    void startGantryAndRegisterAKey() throws Exception {
        testbed = GantryTestbed.start(APP, Map.of());
        engine = testbed.engine;
        gantry = testbed.gantry;
        user = testbed.user;
        repo = testbed.repo;
    }

    @AfterAll
    void cleanUp() throws Exception {
        if (testbed != null) {
            testbed.close();
        }
    }

    @Test
    @Order(1)
    void firstPushCreatesTheAppBuildsAndServesV1() throws Exception {
        user.commitApp(repo, "hello v1", SERVE);

        Cli.Result push = push();

        assertTrue(push.ok(), push.output());
        assertTrue(push.output().contains("Created app " + APP), push.output());
        assertTrue(push.output().contains("Step 1/"), "build output is relayed:\n" + push.output());
        assertTrue(push.output().contains(APP + " v1 deployed"), push.output());
        assertTrue(push.output().contains("http://" + APP + ".localhost:" + gantry.routerPort), push.output());
        assertEquals("hello v1", body());
    }

    @Test
    @Order(2)
    void aSecondPushMakesV2AndSwitchesTheRoute() throws Exception {
        user.commitApp(repo, "hello v2", SERVE);

        Cli.Result push = push();

        assertTrue(push.ok(), push.output());
        assertTrue(push.output().contains(APP + " v2 deployed"), push.output());
        assertEquals("hello v2", body());
        assertTrue(push.output().contains("Draining 1 old instance(s)"), push.output());
        awaitInstanceCount(1, "v1's instance is stopped after the switch");
    }

    @Test
    @Order(3)
    void aDockerfileThatFailsToBuildIsRejectedAndV2KeepsServing() throws Exception {
        user.commitApp(repo, "hello broken", "RUN false\n" + SERVE);

        Cli.Result push = push();

        assertFalse(push.ok(), push.output());
        assertTrue(push.output().contains("build failed"), push.output());
        assertTrue(push.output().contains("returned a non-zero code"), "the engine's error is shown:\n" + push.output());
        assertEquals("hello v2", body());
    }

    @Test
    @Order(4)
    void anAppThatNeverAnswersIsRejectedMarkedFailedAndV2KeepsServing() throws Exception {
        user.commitApp(repo, "hello crash", "CMD echo starting; exit 3");

        Cli.Result push = push();

        assertFalse(push.ok(), push.output());
        assertTrue(push.output().contains("did not become healthy"), push.output());
        assertTrue(push.output().contains("starting"), "the instance's last output is shown:\n" + push.output());
        assertEquals("hello v2", body());
        assertEquals(List.of(), engine.list(Map.of("gantry.app", APP, "gantry.release", "3")),
                "the failed release's instance is removed");
    }

    @Test
    @Order(5)
    void aTreeGantryCannotBuildIsRefusedNamingWhatWasLookedFor() throws Exception {
        // Without the Dockerfile, index.html alone would make a static site.
        Cli.ok(repo, Map.of(), "git", "rm", "-q", "Dockerfile", "index.html");
        Cli.ok(repo, Map.of(), "git", "commit", "-q", "-m", "nothing to build");

        Cli.Result push = push();

        assertFalse(push.ok(), push.output());
        assertTrue(push.output().contains("looked for Dockerfile"), push.output());
        assertEquals("hello v2", body());
    }

    @Test
    @Order(6)
    void otherBranchesAreStoredNotDeployedAndMainCannotBeDeleted() throws Exception {
        Cli.Result feature = user.git(repo, "push", "paas", "HEAD:refs/heads/feature");
        assertTrue(feature.ok(), feature.output());
        assertTrue(feature.output().contains("Stored refs/heads/feature; only main or master is deployed"),
                feature.output());
        assertEquals("hello v2", body());

        Cli.Result delete = user.git(repo, "push", "paas", ":main");
        assertFalse(delete.ok(), delete.output());
        assertTrue(delete.output().contains("deleting main is refused"), delete.output());
    }

    @Test
    @Order(7)
    void releasesListsTheHistoryOverSsh() {
        Cli.Result releases = user.ssh("releases", APP);

        assertTrue(releases.ok(), releases.output());
        assertTrue(Pattern.compile("(?m)^v3\\s+failed").matcher(releases.output()).find(), releases.output());
        assertTrue(Pattern.compile("(?m)^v2\\s+current .* admin\\s+Deploy [0-9a-f]{7}").matcher(releases.output()).find(),
                releases.output());
        assertTrue(Pattern.compile("(?m)^v1\\s").matcher(releases.output()).find(), releases.output());
    }

    @Test
    @Order(8)
    void appsInfoShowsTheUrlRemoteReleaseAndInstance() {
        Cli.Result info = user.ssh("apps:info", APP);

        assertTrue(info.ok(), info.output());
        assertTrue(info.output().contains("http://" + APP + ".localhost:" + gantry.routerPort), info.output());
        assertTrue(info.output().contains(":" + gantry.sshPort + "/" + APP), info.output());
        assertTrue(info.output().contains("v2 (Deploy"), info.output());
        assertTrue(Pattern.compile("web\\.1\\s+v2\\s+up\\s+127\\.0\\.0\\.1:\\d+\\s+" + APP + "-web-v2-1-\\w+")
                .matcher(info.output()).find(), info.output());
    }

    @Test
    @Order(9)
    void badRepositoryPathsAndUnknownCommandsGetOneClearLine() {
        Cli.Result traversal = user.ssh("git-receive-pack", "'../x.git'");
        assertNotEquals(0, traversal.exitCode());
        assertTrue(traversal.output().contains("not a valid app name"), traversal.output());

        Cli.Result unknown = user.ssh("bash");
        assertNotEquals(0, unknown.exitCode());
        assertTrue(unknown.output().contains("unknown command 'bash'"), unknown.output());

        Cli.Result badName = user.ssh("apps:create", "My_App");
        assertNotEquals(0, badName.exitCode());
        assertTrue(badName.output().contains("not a valid app name"), badName.output());

        Cli.Result destroy = user.ssh("apps:destroy", APP);
        assertNotEquals(0, destroy.exitCode());
        assertTrue(destroy.output().contains("--force"), destroy.output());
    }

    @Test
    @Order(10)
    void aRestartKeepsAppsReleasesKeysAndTheRunningApp() throws Exception {
        awaitInstanceCount(1, "only v2 runs");
        String servingBefore = engine.list(Map.of("gantry.app", APP)).get(0).id();
        gantry.stopControlPlane();
        assertEquals("hello v2", body(), "the router keeps serving while the control plane is down");
        gantry.startControlPlane();

        assertEquals("hello v2", body(), "the running instance is adopted and routed again");
        assertEquals(servingBefore, engine.list(Map.of("gantry.app", APP)).get(0).id(), "adopted, not restarted");
        Cli.Result apps = user.ssh("apps:list");
        assertTrue(apps.ok(), "the key still works after a restart:\n" + apps.output());
        assertTrue(apps.output().contains(APP), apps.output());
        String releases = user.ssh("releases", APP).output();
        assertTrue(Pattern.compile("(?m)^v2\\s+current").matcher(releases).find(), "releases survive:\n" + releases);

        user.commitApp(repo, "hello v4", SERVE);
        Cli.Result push = push();
        assertTrue(push.ok(), push.output());
        assertTrue(push.output().contains(APP + " v4 deployed"), "versions stay contiguous:\n" + push.output());
        assertEquals("hello v4", body());
    }

    @Test
    @Order(11)
    void aGantryKilledMidRolloutRecordsTheReleaseFailedAndKeepsServing() throws Exception {
        user.commitApp(repo, "hello slow", "CMD sleep 30; httpd -f -p $PORT -h /www");
        BackgroundCommand push = user.startGit(repo, "push", "paas", "main");
        push.awaitOutput("Waiting for " + APP + "-web-v5", Duration.ofMinutes(2));

        gantry.killControlPlane();
        assertNotEquals(0, push.await(Duration.ofSeconds(30)).exitCode(), "the push in flight fails");
        gantry.startControlPlane();

        assertEquals("hello v4", body());
        String releases = user.ssh("releases", APP).output();
        assertTrue(Pattern.compile("(?m)^v5\\s+failed .*interrupted").matcher(releases).find(), releases);
        assertEquals(List.of(), engine.list(Map.of("gantry.app", APP, "gantry.release", "5")),
                "the half-started instance is removed on start");
    }

    @Test
    @Order(12)
    void destroyingTheAppStopsItAndForgetsIt() throws Exception {
        Cli.Result destroy = user.gantryCli("apps:destroy", APP, "--force");

        assertTrue(destroy.ok(), destroy.output());
        assertEquals(List.of(), engine.list(Map.of("gantry.app", APP)));
        assertEquals(List.of(), engine.tagsIn("gantry/" + APP));
        assertEquals(404, user.get(APP).statusCode());
        assertFalse(user.ssh("apps:list").output().contains(APP));
    }

    @Test
    @Order(13)
    void aDockerignoreKeepsItsFilesOutOfTheImageAsDockerBuildWould() throws Exception {
        user.commitFile(repo, ".env", "SECRET=do-not-ship\n");
        user.commitFile(repo, ".dockerignore", "# secrets stay on the laptop\n.env\n");
        user.commitApp(repo, "ignored", "COPY . /www/\nCMD exec httpd -f -p $PORT -h /www");

        Cli.Result push = push();

        assertTrue(push.ok(), push.output());
        assertEquals("ignored", body());
        assertEquals(200, user.get(APP, "/.dockerignore").statusCode(), "the rest of the tree is copied");
        assertEquals(404, user.get(APP, "/.env").statusCode(), "the ignored file is not in the image");
    }

    @Test
    @Order(14)
    void anAbsoluteSymlinkIsRefusedWithItsOwnLineAndNothingIsBuilt() throws Exception {
        List<String> imagesBefore = engine.tagsIn("gantry/" + APP);
        Files.createSymbolicLink(repo.resolve("leak"), Path.of("/etc/shadow"));
        user.commitApp(repo, "leaky", "COPY . /www/\nCMD exec httpd -f -p $PORT -h /www");

        Cli.Result push = push();

        assertFalse(push.ok(), push.output());
        String refusal = "'leak' is a symlink to the absolute path '/etc/shadow'. Use a relative symlink to a file"
                + " inside the repository";
        assertTrue(push.output().contains(" !     " + refusal), push.output());
        assertTrue(push.output().contains("[remote rejected] main -> main (" + refusal), push.output());
        assertFalse(push.output().contains("Step 1/"), "the engine never saw the tree:\n" + push.output());
        assertFalse(push.output().contains("the server failed"), push.output());
        assertEquals(imagesBefore, engine.tagsIn("gantry/" + APP), "nothing was built");
        assertEquals("ignored", body());
    }

    @Test
    @Order(15)
    void aSecondPushWhileADeployRunsIsToldWhoDeploysSinceWhenAndGoesThroughOnceItEnds() throws Exception {
        Files.deleteIfExists(repo.resolve("leak"));
        user.commitApp(repo, "slow", "RUN sleep 15\n" + SERVE);
        BackgroundCommand first = user.startGit(repo, "push", "paas", "main");
        first.awaitOutput("-----> Building " + APP, Duration.ofSeconds(60));
        user.commitApp(repo, "after the wait", SERVE);

        Cli.Result second = push();

        assertFalse(second.ok(), second.output());
        assertTrue(Pattern.compile("a deploy of " + APP + " by admin is running since [0-2][0-9]:[0-5][0-9] UTC;"
                + " push again when it ends").matcher(second.output()).find(), second.output());
        assertFalse(second.output().contains("failed to lock"), second.output());
        Cli.Result firstDone = first.await(Duration.ofMinutes(3));
        assertTrue(firstDone.ok(), firstDone.output());
        assertEquals("slow", body());
        Cli.Result again = push();
        assertTrue(again.ok(), again.output());
        assertEquals("after the wait", body());
    }

    private void awaitInstanceCount(int expected, String why) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (engine.list(Map.of("gantry.app", APP)).size() != expected && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertEquals(expected, engine.list(Map.of("gantry.app", APP)).size(), why);
    }

    private Cli.Result push() {
        return user.git(repo, "push", "paas", "main");
    }

    private String body() throws IOException, InterruptedException {
        HttpResponse<String> response = user.get(APP);
        assertEquals(200, response.statusCode(), response.body());
        return response.body().trim();
    }
}
