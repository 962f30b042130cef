package dev.gantry.control.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gantry.node.ContainerEngine;
import dev.gantry.node.docker.DockerEngine;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
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

    private Path work;

    private GantryProcess gantry;
    private Path repo;
    private Path key;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ContainerEngine engine = DockerEngine.connect(System.getenv().getOrDefault("DOCKER_HOST",
            "unix:///var/run/docker.sock"));

    @BeforeAll
    void startGantryAndRegisterAKey() throws Exception {
        work = Files.createTempDirectory("gantry-e2e");
        TestImages.buildBusybox(engine);
        gantry = new GantryProcess(work.resolve("home"));
        gantry.start();

        key = work.resolve("id_ed25519");
        Cli.ok(work, Map.of(), "ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "e2e@test", "-f", key.toString());
        Cli.Result added = gantryCli("keys:add", "admin", key + ".pub");
        assertTrue(added.ok(), added.output());
        assertTrue(added.output().contains("Added key SHA256:"), added.output());

        repo = Files.createDirectories(work.resolve(APP));
        Cli.ok(repo, Map.of(), "git", "init", "-q", "-b", "main");
        Cli.ok(repo, Map.of(), "git", "config", "user.email", "dev@example.com");
        Cli.ok(repo, Map.of(), "git", "config", "user.name", "Dev");
        Cli.ok(repo, Map.of(), "git", "remote", "add", "paas", "ssh://gantry@127.0.0.1:" + gantry.sshPort + "/" + APP);
    }

    @AfterAll
    void cleanUp() throws Exception {
        if (gantry != null) {
            gantryCli("apps:destroy", APP, "--force");
            gantry.stop();
        }
        engine.removeImage(TestImages.BUSYBOX);
    }

    @Test
    @Order(1)
    void firstPushCreatesTheAppBuildsAndServesV1() throws Exception {
        commitApp("hello v1", "CMD httpd -f -p $PORT -h /www");

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
        commitApp("hello v2", "CMD httpd -f -p $PORT -h /www");

        Cli.Result push = push();

        assertTrue(push.ok(), push.output());
        assertTrue(push.output().contains(APP + " v2 deployed"), push.output());
        assertEquals("hello v2", body());
    }

    @Test
    @Order(3)
    void aDockerfileThatFailsToBuildIsRejectedAndV2KeepsServing() throws Exception {
        commitApp("hello broken", "RUN false\nCMD httpd -f -p $PORT -h /www");

        Cli.Result push = push();

        assertFalse(push.ok(), push.output());
        assertTrue(push.output().contains("build failed"), push.output());
        assertTrue(push.output().contains("returned a non-zero code"), "the engine's error is shown:\n" + push.output());
        assertEquals("hello v2", body());
    }

    @Test
    @Order(4)
    void anAppThatNeverAnswersIsRejectedMarkedFailedAndV2KeepsServing() throws Exception {
        commitApp("hello crash", "CMD echo starting; exit 3");

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
    void releasesListsTheHistoryOverSsh() {
        Cli.Result releases = ssh("releases", APP);

        assertTrue(releases.ok(), releases.output());
        assertTrue(Pattern.compile("(?m)^v3\\s+failed").matcher(releases.output()).find(), releases.output());
        assertTrue(Pattern.compile("(?m)^v2\\s+current .* admin\\s+Deploy [0-9a-f]{7}").matcher(releases.output()).find(),
                releases.output());
        assertTrue(Pattern.compile("(?m)^v1\\s").matcher(releases.output()).find(), releases.output());
    }

    @Test
    @Order(6)
    void badRepositoryPathsAndUnknownCommandsGetOneClearLine() {
        Cli.Result traversal = ssh("git-receive-pack", "'../x.git'");
        assertNotEquals(0, traversal.exitCode());
        assertTrue(traversal.output().contains("not a valid app name"), traversal.output());

        Cli.Result unknown = ssh("bash");
        assertNotEquals(0, unknown.exitCode());
        assertTrue(unknown.output().contains("unknown command 'bash'"), unknown.output());

        Cli.Result badName = ssh("apps:create", "My_App");
        assertNotEquals(0, badName.exitCode());
        assertTrue(badName.output().contains("not a valid app name"), badName.output());
    }

    @Test
    @Order(7)
    void aRestartKeepsAppsReleasesKeysAndTheRunningApp() throws Exception {
        gantry.stop();
        gantry.start();

        assertEquals("hello v2", body(), "the running instance is adopted and routed again");
        Cli.Result apps = ssh("apps:list");
        assertTrue(apps.ok(), "the key still works after a restart:\n" + apps.output());
        assertTrue(apps.output().contains(APP), apps.output());
        String releases = ssh("releases", APP).output();
        assertTrue(Pattern.compile("(?m)^v2\\s+current").matcher(releases).find(), "releases survive the restart:\n" + releases);

        commitApp("hello v4", "CMD httpd -f -p $PORT -h /www");
        Cli.Result push = push();
        assertTrue(push.ok(), push.output());
        assertTrue(push.output().contains(APP + " v4 deployed"), "versions stay contiguous:\n" + push.output());
        assertEquals("hello v4", body());
    }

    private void commitApp(String greeting, String dockerfileTail) throws IOException {
        Files.writeString(repo.resolve("index.html"), greeting);
        Files.writeString(repo.resolve("Dockerfile"), "FROM " + TestImages.BUSYBOX + "\n"
                + "COPY index.html /www/index.html\n" + dockerfileTail + "\n");
        Cli.ok(repo, Map.of(), "git", "add", "-A");
        Cli.ok(repo, Map.of(), "git", "commit", "-q", "-m", greeting);
    }

    private Cli.Result push() {
        return Cli.run(repo, Map.of("GIT_SSH_COMMAND", sshCommand()), List.of("git", "push", "paas", "main"));
    }

    private Cli.Result ssh(String... command) {
        List<String> argv = new java.util.ArrayList<>(List.of(sshCommand().split(" ")));
        argv.add("gantry@127.0.0.1");
        argv.addAll(List.of(command));
        return Cli.run(work, Map.of(), argv);
    }

    private String sshCommand() {
        return "ssh -i " + key + " -p " + gantry.sshPort + " -o StrictHostKeyChecking=no"
                + " -o UserKnownHostsFile=/dev/null -o IdentitiesOnly=yes -o BatchMode=yes -o LogLevel=ERROR";
    }

    private Cli.Result gantryCli(String... args) {
        Path script = Path.of(System.getProperty("gantry.repo.root")).resolve("gantry");
        List<String> argv = new java.util.ArrayList<>(List.of(script.toString()));
        argv.addAll(List.of(args));
        Map<String, String> env = new HashMap<>(gantry.env());
        return Cli.run(work, env, argv);
    }

    private String body() throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gantry.routerPort + "/"))
                .header("Host", APP + ".localhost").timeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return response.body().trim();
    }
}
