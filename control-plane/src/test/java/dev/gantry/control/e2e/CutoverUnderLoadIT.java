package dev.gantry.control.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gantry.node.ContainerEngine;
import dev.gantry.node.docker.DockerEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Gantry's headline promise, checked the way a user would notice a break: under continuous load
 * through the router, 5 deploys and 3 rollbacks drop no request, answer nothing but 2xx, and once
 * a newer release has answered, no later request gets an older one.
 */
class CutoverUnderLoadIT {

    private static final String APP = "e2e-cutover";
    private static final String ECHO_RELEASE =
            "CMD echo \"$GANTRY_RELEASE\" > /www/index.html && exec httpd -f -p $PORT -h /www";

    @Test
    void deploysAndRollbacksUnderLoadDropNothing() throws Exception {
        ContainerEngine engine = DockerEngine.fromEnvironment();
        TestImages.buildBusybox(engine);
        Path work = Files.createTempDirectory("gantry-cutover");
        GantryProcess gantry = new GantryProcess(work.resolve("home"));
        try {
            gantry.start();
            GantryUser user = new GantryUser(gantry, work);
            assertTrue(user.registerKey("admin").ok());
            Path repo = user.newRepository(APP);
            deploy(user, repo, 0);
            assertTrue(user.ssh("deploy:set", APP, "watch=0s", "drain-timeout=10s").ok());

            List<LoadClient.Sample> samples;
            try (LoadClient load = new LoadClient(gantry.routerPort, APP + ".localhost", 4, 50_000,
                    Duration.ofSeconds(120))) {
                for (int i = 1; i <= 5; i++) {
                    deploy(user, repo, i);
                    if (i == 2 || i == 3 || i == 5) {
                        Cli.Result rollback = user.ssh("rollback", APP);
                        assertTrue(rollback.ok(), rollback.output());
                    }
                }
                Thread.sleep(1000);
                samples = load.finish();
            }

            List<LoadClient.Sample> failed = samples.stream().filter(LoadClient.Sample::failed).toList();
            System.out.printf("cutover under load: %d requests, %d failed, releases seen %s%n", samples.size(),
                    failed.size(), samples.stream().map(LoadClient.Sample::release).distinct().sorted().toList());
            assertEquals(List.of(), failed.stream().limit(10).toList(), failed.size() + " of " + samples.size()
                    + " requests failed");
            assertEquals(List.of(), LoadClient.staleAnswers(samples).stream().limit(10).toList(),
                    "a request got an older release after a newer one had answered");
            Set<String> releases = samples.stream().map(LoadClient.Sample::release).collect(Collectors.toSet());
            assertTrue(releases.size() >= 8, "the load saw the releases come and go: " + releases);
            assertTrue(samples.size() > 500, "the load kept running: " + samples.size() + " requests");
        } finally {
            new GantryUser(gantry, work).gantryCli("apps:destroy", APP, "--force");
            gantry.stop();
            Cli.deleteRecursively(work);
        }
    }

    private static void deploy(GantryUser user, Path repo, int round) throws Exception {
        user.commitApp(repo, "round " + round, ECHO_RELEASE);
        Cli.Result push = user.git(repo, "push", "paas", "main");
        assertTrue(push.ok(), push.output());
    }
}
