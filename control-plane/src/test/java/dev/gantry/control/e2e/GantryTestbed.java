package dev.gantry.control.e2e;

import dev.gantry.node.ContainerEngine;
import dev.gantry.node.RunningContainer;
import dev.gantry.node.docker.DockerEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What most end-to-end tests start from: a running Gantry with its own data dir, an admin whose
 * key is registered, and a git repository whose {@code paas} remote points at one app. Closing it
 * destroys the app and the others the test pushed (containers, images, repositories), stops Gantry
 * and deletes the scratch dir.
 */
final class GantryTestbed implements AutoCloseable {

    final ContainerEngine engine = DockerEngine.fromEnvironment();
    final String app;
    final Path work;
    final GantryProcess gantry;
    final GantryUser user;
    final GantryApi api;
    final Path repo;
    /** The other apps a test pushes, destroyed with the testbed. */
    final PushedApps apps;

    private GantryTestbed(String app, Path work, GantryProcess gantry, GantryUser user, Path repo) {
        this.app = app;
        this.work = work;
        this.gantry = gantry;
        this.user = user;
        this.api = new GantryApi(gantry);
        this.repo = repo;
        this.apps = new PushedApps(user);
    }

    static GantryTestbed start(String app, Map<String, String> extraEnv) throws IOException, InterruptedException {
        TestImages.buildBusybox(DockerEngine.fromEnvironment());
        Path work = Files.createTempDirectory("gantry-" + app);
        GantryProcess gantry = new GantryProcess(work.resolve("home"), extraEnv);
        gantry.start();
        GantryUser user = new GantryUser(gantry, work);
        Cli.Result added = user.registerKey("admin");
        if (!added.ok() || !added.output().contains("Added key SHA256:")) {
            throw new AssertionError("could not register the admin key:\n" + added.output());
        }
        return new GantryTestbed(app, work, gantry, user, user.newRepository(app));
    }

    /** Commits a busybox site whose Dockerfile ends with {@code dockerfileTail} and pushes it. */
    Cli.Result push(String greeting, String dockerfileTail) throws IOException {
        user.commitApp(repo, greeting, dockerfileTail);
        return user.git(repo, "push", "paas", "main");
    }

    /** Every container of the app on the engine, with when it started: the same map later means nothing restarted. */
    Map<String, Instant> startedAtById() {
        return engine.list(Map.of("gantry.app", app)).stream()
                .collect(Collectors.toMap(RunningContainer::id, RunningContainer::startedAt, (a, b) -> a, TreeMap::new));
    }

    @Override
    public void close() throws Exception {
        apps.close();
        user.gantryCli("apps:destroy", app, "--force");
        gantry.stop();
        engine.removeImage(TestImages.BUSYBOX);
        Cli.deleteRecursively(work);
    }
}
