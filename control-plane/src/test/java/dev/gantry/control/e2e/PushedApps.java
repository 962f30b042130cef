package dev.gantry.control.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The apps a test class pushes besides its testbed's, each from a repository of its own, destroyed
 * when the class ends. Pushes expect success and make the next deploy quick.
 */
final class PushedApps implements AutoCloseable {

    private final GantryUser user;
    private final List<String> apps = new ArrayList<>();

    PushedApps(GantryUser user) {
        this.user = user;
    }

    /** A new repository whose paas remote is {@code app}, destroyed with the others. */
    Path newRepository(String app) throws Exception {
        apps.add(app);
        return user.newRepository(app);
    }

    /** Pushes and expects success; the old instances of a redeploy stop at once, so the test moves on. */
    Cli.Result push(Path repo, String app) {
        Cli.Result push = user.git(repo, "push", "paas", "main");
        assertTrue(push.ok(), push.output());
        assertTrue(user.ssh("deploy:set", app, "watch=0s", "drain-timeout=1s", "stop-grace=1s").ok());
        return push;
    }

    /** Commits the sample test-apps/{@code sample} to a new repository for {@code app} and pushes it. */
    Cli.Result pushSample(String app, String sample) throws Exception {
        Path repo = newRepository(app);
        user.commitSample(repo, sample);
        return push(repo, app);
    }

    @Override
    public void close() {
        for (String app : apps) {
            user.gantryCli("apps:destroy", app, "--force");
        }
    }
}
