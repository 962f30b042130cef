package dev.gantry.control.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A new release that fails its health check in each of the ways an app can (reliability F8): the
 * push fails with the reason, the new instance is removed, the release is marked failed, and the
 * release before keeps answering throughout.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FailedHealthCheckIT {

    private static final String APP = "e2e-checks";

    private GantryTestbed testbed;
    private GantryUser user;
    private Path repo;

    @BeforeAll
    void deployAGoodRelease() throws Exception {
        testbed = GantryTestbed.start(APP, Map.of());
        user = testbed.user;
        repo = testbed.repo;
        assertTrue(testbed.push("good", "CMD httpd -f -p $PORT -h /www").ok());
        assertTrue(user.ssh("checks:set", APP, "timeout=1s", "attempts=8", "wait=250ms").ok());
    }

    @AfterAll
    void cleanUp() throws Exception {
        if (testbed != null) {
            testbed.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "answers 500 | CMD nc -ll -p $PORT -e sh -c 'printf \"HTTP/1.0 500 Oops\\r\\nContent-Length: 0\\r\\n\\r\\n\"' | status 500",
        "never binds PORT | CMD sleep 600 | nothing answered on PORT=5000 within",
        "exits at once | CMD exit 7 | exited"})
    void theReleaseBeforeKeepsServingAndThePushSaysWhy(String how, String command, String reason) throws Exception {
        user.commitApp(repo, "bad: " + how, command);

        Cli.Result push = user.git(repo, "push", "paas", "main");

        assertFalse(push.ok(), push.output());
        assertTrue(push.output().contains("did not become healthy"), push.output());
        assertTrue(push.output().contains(reason), push.output());
        assertEquals("good", user.get(APP).body().trim());
        String version = Pattern.compile("Releasing v(\\d+)").matcher(push.output()).results()
                .map(match -> match.group(1)).findFirst().orElseThrow();
        assertEquals(List.of(), testbed.engine.list(Map.of("gantry.app", APP, "gantry.release", version)),
                "the failed release's instance is removed");
        assertTrue(Pattern.compile("(?m)^v" + version + "\\s+failed").matcher(user.ssh("releases", APP).output()).find());
    }

    /**
     * The boot time is a deadline by the clock, ahead of the attempts (1 s each, 8 of them, 250 ms
     * apart: 10 s); meanwhile the push hears how the wait goes, and at the end why it most likely
     * failed, with the app's own last words.
     */
    @Test
    void anAppThatNeverAnswersFailsAtItsBootDeadlineSayingWhyWithItsLastOutput() throws Exception {
        Cli.Result set = user.ssh("checks:set", APP, "boot=8s");
        assertTrue(set.ok() && set.output().contains("within 8s of the start"), set.output());
        user.commitApp(repo, "bad: listens elsewhere",
                "CMD echo 'Error: Unable to access jarfile /app/app.jar'; exec sleep 600");

        Cli.Result push = user.git(repo, "push", "paas", "main");

        assertFalse(push.ok(), push.output());
        assertTrue(push.output().contains("web.1 has not answered yet after 5s of 8s (last seen: "), push.output());
        assertTrue(push.output().contains("nothing answered on PORT=5000 within 8s (last seen: "), push.output());
        assertTrue(push.output().contains("does the app listen on $PORT? If it only starts slowly, give it longer:"
                + " checks:set " + APP + " boot=16s"), push.output());
        assertTrue(push.output().contains("Error: Unable to access jarfile /app/app.jar"), push.output());
        String version = Pattern.compile("Releasing v(\\d+)").matcher(push.output()).results()
                .map(match -> match.group(1)).findFirst().orElseThrow();
        assertEquals(List.of(), testbed.engine.list(Map.of("gantry.app", APP, "gantry.release", version)),
                "the failed release's instance is removed");
        assertEquals("good", user.get(APP).body().trim());
        assertTrue(user.ssh("releases:info", APP, "v" + version).output().contains(
                "last output of the instance that failed:\n    Error: Unable to access jarfile /app/app.jar"));
    }
}
