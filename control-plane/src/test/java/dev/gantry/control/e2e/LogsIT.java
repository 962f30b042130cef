package dev.gantry.control.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@code logs} as users read it over SSH, on the host and over REST: every instance's output and
 * Gantry's own events in one stream, each line with its time and source, filtered and followed;
 * and {@code run}, whose one-off containers report there too.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LogsIT {

    private static final String APP = "e2e-logs";
    private static final String PROCFILE = """
            web: echo "web says hello from $GANTRY_INSTANCE of $GANTRY_RELEASE"; exec httpd -f -vv -p $PORT -h /www
            worker: while true; do echo "worker ticks on stderr" >&2; sleep 1; done
            """;
    private static final Pattern LINE = Pattern.compile(
            "(?m)^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z (web\\.1|worker\\.1|gantry): .+$");

    private GantryTestbed testbed;
    private GantryUser user;

    @BeforeAll
    void deploy() throws Exception {
        testbed = GantryTestbed.start(APP, Map.of());
        user = testbed.user;
        assertTrue(user.ssh("apps:create", APP).ok());
        assertTrue(user.ssh("deploy:set", APP, "watch=0s", "drain-timeout=2s", "stop-grace=1s").ok());
        Files.writeString(testbed.repo.resolve("Procfile"), PROCFILE);
        Cli.Result push = testbed.push("logs", "CMD exec httpd -f -p $PORT -h /www");
        assertTrue(push.ok(), push.output());
    }

    @AfterAll
    void cleanUp() throws Exception {
        if (testbed != null) {
            testbed.close();
        }
    }

    @Test
    @Order(1)
    void logsInterleaveEveryInstanceAndGantrysEventsWithTimeAndSource() throws Exception {
        String logs = awaitLogs("worker.1: worker ticks on stderr", "-n", "200");

        assertTrue(logs.contains("web.1: web says hello from web.1 of v1"), logs);
        assertTrue(logs.contains("gantry: v1 serves (Deploy "), logs);
        assertTrue(logs.lines().allMatch(line -> LINE.matcher(line).matches()), "every line has time and source:\n"
                + logs);
    }

    @Test
    @Order(2)
    void typeLinesAndSinceFilterTheStream() throws Exception {
        String workerOnly = awaitLogs(logs -> logs.lines().count() == 3, "three lines", "--type", "worker", "-n", "3");
        assertTrue(workerOnly.lines().allMatch(line -> line.contains(" worker.1: ")), workerOnly);

        String recent = user.ssh("logs", APP, "--since", "1h", "--type", "web").output();
        assertTrue(recent.contains("web says hello"), recent);
    }

    @Test
    @Order(3)
    void followingOverSshAndOnTheHostShowsNewLinesAsTheyComeIncludingGantrysEvents() throws Exception {
        BackgroundCommand overSsh = user.startSsh("logs", APP, "-f", "-n", "0");
        BackgroundCommand onHost = user.startGantryCli("logs", APP, "-f", "--type", "gantry");
        try {
            Cli.Result config = user.ssh("config:set", APP, "ROUND=2");
            assertTrue(config.ok(), config.output());

            overSsh.awaitOutput("web.1: web says hello from web.1 of v2", Duration.ofSeconds(30));
            overSsh.awaitOutput("gantry: v2 serves (Set ROUND", Duration.ofSeconds(30));
            onHost.awaitOutput("gantry: v2 serves (Set ROUND", Duration.ofSeconds(30));
        } finally {
            String followed = onHost.stop();
            overSsh.stop();
            assertFalse(followed.contains("worker ticks"), "--type gantry shows only Gantry's events:\n" + followed);
        }
    }

    @Test
    @Order(4)
    void aRequestsLineReachesAFollowerWithinASecond() throws Exception {
        BackgroundCommand follow = user.startSsh("logs", APP, "-f", "-n", "0", "--type", "web");
        try {
            Thread.sleep(1500); // the follower is subscribed once its (empty) tail is out
            String marker = "/request-" + System.nanoTime();
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + testbed.gantry.routerPort
                    + marker)).header("Host", APP + ".localhost").build();
            HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding());
            long answered = System.nanoTime();

            follow.awaitOutput("url:" + marker, Duration.ofSeconds(10));

            long millis = (System.nanoTime() - answered) / 1_000_000;
            System.out.printf("a request's log line reached 'logs -f' %d ms after the answer%n", millis);
            assertTrue(millis < 1000, "the line took " + millis + " ms");
        } finally {
            follow.stop();
        }
    }

    @Test
    @Order(5)
    void aCrashShowsInTheLogWithItsOutput() throws Exception {
        String worker = testbed.engine.list(Map.of("gantry.app", APP, "gantry.process", "worker")).stream()
                .filter(c -> c.running()).findFirst().orElseThrow().id();
        Cli.ok(testbed.work, Map.of(), "docker", "kill", worker);

        String logs = awaitLogs("worker.1 (", "--type", "gantry");
        assertTrue(Pattern.compile("worker\\.1 \\(\\S+\\) exited with code 137; restarting in 1 s").matcher(logs).find(),
                logs);
    }

    @Test
    @Order(6)
    void theRestEndpointServesTheSameLinesAndRefusesBadOptions() throws Exception {
        HttpResponse<String> tail = testbed.api.get("/apps/" + APP + "/logs?lines=5&type=worker");
        assertEquals(200, tail.statusCode(), tail.body());
        assertEquals(5, tail.body().lines().count(), tail.body());

        HttpResponse<String> badLines = testbed.api.get("/apps/" + APP + "/logs?lines=lots");
        assertEquals(422, badLines.statusCode(), badLines.body());
        assertTrue(badLines.body().contains("'lots' is not a line count"), badLines.body());

        assertEquals(404, testbed.api.get("/apps/no-such-app/logs").statusCode());
    }

    @Test
    @Order(7)
    void badOptionsAreRefusedWithTheUsage() {
        Cli.Result unknown = user.ssh("logs", APP, "--tail");
        assertNotEquals(0, unknown.exitCode());
        assertTrue(unknown.output().contains("unknown option '--tail' for logs. Usage: logs APP [-f]"), unknown.output());
        Cli.Result since = user.ssh("logs", APP, "--since", "yesterday");
        assertNotEquals(0, since.exitCode());
        assertTrue(since.output().contains("'yesterday' is not a duration"), since.output());
    }

    @Test
    @Order(8)
    void aOneOffRunGetsTheConfigPassesItsOutputAndExitCodeAndLeavesNothingBehind() throws Exception {
        Cli.Result run = user.ssh("run", APP, "--", "sh", "-c", "'echo out $GANTRY_RELEASE round $ROUND; echo err >&2; exit 3'");

        assertEquals(3, run.exitCode(), run.output());
        assertTrue(run.output().contains("out v2 round 2"), run.output());
        assertTrue(run.output().contains("err"), run.output());
        assertTrue(testbed.engine.list(Map.of("gantry.app", APP, "gantry.one-off", "true")).isEmpty(),
                "the one-off container is removed");
        assertTrue(user.ssh("logs", APP, "--type", "gantry").output().contains("started by admin: sh"));

        Cli.Result local = user.gantryCli("run", APP, "--", "sh", "-c", "cat; exit 0");
        assertEquals(0, local.exitCode(), local.output());

        Cli.Result withTerminal = user.sshWithTerminal("run", APP, "--", "sh", "-c", "'tty; echo two; exit 7'");
        assertEquals(7, withTerminal.exitCode(), withTerminal.output());
        assertTrue(withTerminal.output().contains("/dev/pts/"), "ssh -t gives the command a terminal:\n"
                + withTerminal.output());
        assertTrue(withTerminal.output().contains("two\r\n"), withTerminal.output());

        HttpResponse<String> overRest = testbed.api.send("POST", "/apps/" + APP + "/run",
                "{\"command\": [\"sh\", \"-c\", \"cat; echo err >&2; exit 4\"], \"stdin\": \"from the api\"}");
        assertEquals(200, overRest.statusCode(), overRest.body());
        assertTrue(overRest.body().contains("\"exitCode\":4"), overRest.body());
        assertTrue(overRest.body().contains("from the api"), overRest.body());
        assertTrue(overRest.body().contains("err"), overRest.body());
        GantryApi.assertProblem(testbed.api.send("POST", "/apps/" + APP + "/run", "{}"), 422, "command");

        BackgroundCommand hungUp = user.startSsh("run", APP, "--", "sleep", "120");
        awaitOneOffs(1);
        hungUp.stop();
        awaitOneOffs(0);

        Cli.Result nothing = user.ssh("run", APP);
        assertNotEquals(0, nothing.exitCode(), nothing.output());
        assertTrue(nothing.output().contains("no command given. Usage: run " + APP + " -- COMMAND"), nothing.output());

        Cli.Result missing = user.ssh("run", APP, "--", "no-such-program");
        assertNotEquals(0, missing.exitCode(), missing.output());
        assertTrue(missing.output().contains("was not found in the image"), missing.output());
    }

    /**
     * The REST stream as an automation client reads it, Server-Sent Events: the tail first, then each
     * new line as its own event, as it comes; a bad request is a problem document, never a stream.
     */
    @Test
    @Order(9)
    void theRestStreamSendsTheTailThenEachNewLineAsAnEvent() throws Exception {
        String token = Files.readString(testbed.gantry.home.resolve("cli-token")).trim();
        String stream = "http://127.0.0.1:" + testbed.gantry.apiPort + "/api/v1/apps/" + APP + "/logs/stream";
        HttpRequest follow = HttpRequest.newBuilder(URI.create(stream + "?lines=2&type=web"))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").build();
        BlockingQueue<String> received = new LinkedBlockingQueue<>();

        HttpResponse<Stream<String>> response = HttpClient.newHttpClient().send(follow, HttpResponse.BodyHandlers.ofLines());
        Thread reader = new Thread(() -> response.body().forEach(received::add), "SSE reader");
        reader.setDaemon(true);
        reader.start();
        try {
            assertEquals(200, response.statusCode());
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"),
                    response.headers().toString());
            for (int event = 1; event <= 2; event++) {
                String data = nextData(received);
                assertTrue(LINE.matcher(data).matches() && data.contains(" web.1: "), "tail event " + event + ": " + data);
            }
            String marker = "/sse-" + System.nanoTime();
            user.get(APP, marker);
            String data = nextData(received);
            while (!data.contains("url:" + marker)) {
                data = nextData(received);
            }
            assertTrue(LINE.matcher(data).matches(), data);
        } finally {
            response.body().close();
        }

        GantryApi.assertProblem(testbed.api.get("/apps/" + APP + "/logs/stream?lines=lots"), 422,
                "'lots' is not a line count");
        GantryApi.assertProblem(testbed.api.get("/apps/no-such-app/logs/stream"), 404, "does not exist");
        GantryApi.assertProblem(testbed.api.send("GET", "/apps/" + APP + "/logs/stream", null, false), 401,
                "missing bearer token");
    }

    /** The next event's data, within 10 s; the blank lines between events are skipped. */
    private static String nextData(BlockingQueue<String> received) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            String line = received.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null) {
                throw new AssertionError("no event within 10 s");
            }
            if (line.startsWith("data:")) {
                return line.substring("data:".length()).stripLeading();
            }
        }
    }

    /** Until the app has {@code count} one-off containers: a run whose client hung up is removed. */
    private void awaitOneOffs(int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline && oneOffs() != count) {
            Thread.sleep(250);
        }
        assertEquals(count, oneOffs(), "one-off containers of " + APP);
    }

    private int oneOffs() {
        return testbed.engine.list(Map.of("gantry.app", APP, "gantry.one-off", "true")).size();
    }

    private String awaitLogs(String expected, String... options) throws InterruptedException {
        return awaitLogs(logs -> logs.contains(expected), "'" + expected + "'", options);
    }

    private String awaitLogs(Predicate<String> done, String expected, String... options) throws InterruptedException {
        List<String> argv = new ArrayList<>(List.of("logs", APP));
        argv.addAll(List.of(options));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String logs = "";
        while (System.nanoTime() < deadline) {
            logs = user.ssh(argv.toArray(String[]::new)).output();
            if (done.test(logs)) {
                return logs;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the log never showed " + expected + ":\n" + logs);
    }
}
