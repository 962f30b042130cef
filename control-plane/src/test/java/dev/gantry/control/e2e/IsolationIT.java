package dev.gantry.control.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gantry.node.Isolation;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * What an app's code can see and reach, checked from inside its containers through {@code run}:
 * the documented capabilities only, no host processes, no engine socket; its own instances by
 * process type, nothing of another app's and none of the host's ports but the router's; a
 * read-only root when asked. Then what failed builds and garbage collection leave, and disk use.
 * Needs the firewall rule {@code ./gantry test} sets up (as {@code ./gantry up} does).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IsolationIT {

    private static final String APP = "e2e-iso-a";
    private static final String OTHER = "e2e-iso-b";
    private static final String HTTPD_CMD = "CMD exec httpd -f -p $PORT -h /www";
    private static final String PROCFILE = "web: exec httpd -f -p $PORT -h /www\n"
            + "worker: while true; do timeout 5 wget -q -O /dev/null http://web.internal:$PORT/ && echo reached-web;"
            + " sleep 2; done\n";
    /** Bit numbers of the documented capabilities, from linux/capability.h. */
    private static final Map<String, Integer> CAPABILITY_BITS = Map.of("CHOWN", 0, "DAC_OVERRIDE", 1, "FOWNER", 3,
            "SETGID", 6, "SETUID", 7, "NET_BIND_SERVICE", 10);
    private static final String ORPHAN = "e2e-iso-orphan";

    private GantryTestbed testbed;
    private GantryUser user;
    private Path otherRepo;

    @BeforeAll
    void deploy() throws Exception {
        // No periodic pass: the test decides when to collect.
        // The node runner as its own process, so that its HTTP interface is there to be kept out of reach.
        testbed = GantryTestbed.start(APP, Map.of("GANTRY_GC_PERIOD", "0", "GANTRY_NODE_MODE", "process"));
        user = testbed.user;
        assertTrue(user.ssh("apps:create", APP).ok());
        assertTrue(user.ssh("deploy:set", APP, "watch=0s", "drain-timeout=1s", "stop-grace=1s").ok());
        Files.writeString(testbed.repo.resolve("Procfile"), PROCFILE);
        Cli.Result pushed = testbed.push("hello from A", HTTPD_CMD);
        assertTrue(pushed.ok(), pushed.output());

        otherRepo = user.newRepository(OTHER);
        user.commitApp(otherRepo, "hello from B", HTTPD_CMD);
        Cli.Result other = user.git(otherRepo, "push", "paas", "main");
        assertTrue(other.ok(), other.output());
    }

    @AfterAll
    void cleanUp() throws Exception {
        if (testbed != null) {
            user.gantryCli("apps:destroy", OTHER, "--force");
            Cli.run(testbed.work, Map.of(), List.of("docker", "rm", "-f", ORPHAN));
            testbed.close();
        }
    }

    @Test
    @Order(1)
    void aContainerKeepsOnlyTheDocumentedCapabilitiesAndSeesNothingOfTheHost() {
        String status = run("cat", "/proc/self/status").output();
        long documented = Isolation.CAPABILITIES.stream().mapToLong(name -> 1L << CAPABILITY_BITS.get(name)).sum();
        assertEquals(documented, capabilities(status, "CapEff"), status);
        assertEquals(documented, capabilities(status, "CapBnd"), status);
        assertTrue(Pattern.compile("(?m)^NoNewPrivs:\\s+1$").matcher(status).find(), status);

        Cli.Result ps = run("ps");
        assertTrue(ps.ok(), ps.output());
        assertFalse(ps.output().contains("java") || ps.output().contains("dockerd"), ps.output());
        assertTrue(ps.output().lines().count() <= 3, "only the init and ps itself:\n" + ps.output());

        Cli.Result socket = run("ls", "/var/run/docker.sock", "/run/docker.sock");
        assertNotEquals(0, socket.exitCode(), socket.output());
        assertTrue(socket.output().contains("No such file"), socket.output());

        Cli.Result report = user.ssh("isolation:report", APP);
        assertTrue(report.output().contains(String.join(" ", Isolation.CAPABILITIES)), report.output());
        assertTrue(report.output().contains("Network:         gantry-app-" + APP), report.output());
        assertTrue(report.output().contains("Always:          no-new-privileges"), report.output());
        assertFalse(report.output().contains("On this cluster"), "one host is no cluster:\n" + report.output());
    }

    @Test
    @Order(2)
    void anAppReachesItsOwnInstancesByTypeAndNothingOfAnotherAppsOrTheHosts() throws Exception {
        assertEquals("hello from A", fetch("http://web.internal:5000/").output().trim());
        awaitLog("worker.1: reached-web");

        String otherContainer = Cli.ok(testbed.work, Map.of(), "docker", "ps", "--filter", "label=gantry.app=" + OTHER,
                "--format", "{{.Names}}").output().trim();
        assertFalse(otherContainer.isEmpty(), "the other app runs");
        assertUnreachable("http://" + otherContainer + ":5000/", "bad address");
        String published = Cli.ok(testbed.work, Map.of(), "docker", "port", otherContainer, "5000").output().trim();
        assertTrue(published.startsWith("127.0.0.1:"), published);
        assertUnreachable("http://" + published + "/", "Connection refused");

        Matcher gateway = Pattern.compile("default via (\\S+)").matcher(run("ip", "route").output());
        assertTrue(gateway.find(), "the container has a default route");
        assertUnreachable("http://" + gateway.group(1) + ":" + published.substring(published.indexOf(':') + 1) + "/",
                "Connection refused");
        // The API listens on all addresses: only the firewall rule of ./gantry keeps the container off it.
        assertUnreachable("http://" + gateway.group(1) + ":" + testbed.gantry.publicApiPort + "/api/v1/status",
                "Connection refused");
        // The node runner, which starts and stops every instance, listens on the host's loopback only.
        assertUnreachable("http://" + gateway.group(1) + ":" + testbed.gantry.nodeRunnerPort + "/v1/status",
                "Connection refused");
    }

    @Test
    @Order(3)
    void aReadOnlyRootRefusesWritesOutsideTmp() throws Exception {
        assertRefused(user.ssh("isolation:set", APP, "read-only=maybe"), "must be true or false");
        assertRefused(user.ssh("isolation:set", APP, "privileged=on"), "unknown setting 'privileged'");
        Cli.Result set = user.ssh("isolation:set", APP, "read-only=on");
        assertTrue(set.ok(), set.output());
        assertTrue(set.output().contains("Read-only root:  on"), set.output());

        Cli.Result write = run("touch", "/written");
        assertNotEquals(0, write.exitCode(), write.output());
        assertTrue(write.output().contains("Read-only file system"), write.output());
        assertEquals("scratch", run("sh", "-c", "'echo scratch > /tmp/file && cat /tmp/file'").output().trim());

        assertTrue(user.ssh("ps:restart", APP).ok());
        assertEquals("hello from A", user.get(APP).body().trim(), "a web instance runs on a read-only root");
        assertTrue(user.ssh("isolation:set", APP, "read-only=off").ok());
    }

    @Test
    @Order(4)
    void aFailedBuildLeavesNoImageAndCollectionRemovesOrphansButNotTheServingRelease() throws Exception {
        Cli.Result failed = testbed.push("a build that fails", "RUN false\n" + HTTPD_CMD);
        assertNotEquals(0, failed.exitCode(), failed.output());
        Matcher step = Pattern.compile("---> ([0-9a-f]{12})\\s*$", Pattern.MULTILINE).matcher(failed.output());
        String lastGoodStep = null;
        while (step.find()) {
            lastGoodStep = step.group(1);
        }
        assertTrue(lastGoodStep != null, failed.output());
        assertFalse(Cli.run(testbed.work, Map.of(), List.of("docker", "image", "inspect", lastGoodStep)).ok(),
                "the failed build's last good step " + lastGoodStep + " is gone:\n" + failed.output());
        Cli.ok(testbed.work, Map.of(), "docker", "run", "--name", ORPHAN, "--label", "gantry.app=" + APP,
                "--label", "gantry.release=999", TestImages.BUSYBOX, "true");
        String serving = Cli.ok(testbed.work, Map.of(), "docker", "ps", "--filter", "label=gantry.app=" + APP,
                "--filter", "label=gantry.process=web", "--format", "{{.Image}}").output().trim();

        Cli.Result pruned = user.ssh("system:prune");

        assertTrue(pruned.ok(), pruned.output());
        assertTrue(pruned.output().contains("Removed container " + ORPHAN), pruned.output());
        assertFalse(Cli.run(testbed.work, Map.of(), List.of("docker", "container", "inspect", ORPHAN)).ok());
        assertTrue(Cli.run(testbed.work, Map.of(), List.of("docker", "image", "inspect", serving)).ok(), serving);
        assertEquals("hello from A", user.get(APP).body().trim());
        HttpResponse<String> again = testbed.api.send("POST", "/system/prune", null);
        assertEquals(200, again.statusCode(), again.body());
        assertTrue(again.body().startsWith("{\"containers\":[],\"images\":["), again.body());
        assertEquals("hello from A", user.get(APP).body().trim());
    }

    @Test
    @Order(5)
    void diskUseIsShownByAppAndDestroyingAnAppRemovesItsNetwork() {
        Cli.Result df = user.ssh("system:df");
        assertTrue(df.ok(), df.output());
        assertTrue(Pattern.compile("(?m)^" + APP + "\\s+\\d").matcher(df.output()).find(), df.output());
        assertTrue(df.output().contains(OTHER), df.output());
        HttpResponse<String> rest = testbed.api.get("/system/df");
        assertEquals(200, rest.statusCode(), rest.body());
        // The app's images are counted as its own (they are known by their repository, gantry/APP).
        assertTrue(Pattern.compile("\\{\"app\":\"" + APP + "\",\"images\":[1-9]").matcher(rest.body()).find(),
                rest.body());

        assertTrue(user.gantryCli("apps:destroy", OTHER, "--force").ok());
        assertFalse(Cli.run(testbed.work, Map.of(), List.of("docker", "network", "inspect", "gantry-app-" + OTHER)).ok());
    }

    private Cli.Result run(String... command) {
        List<String> argv = new ArrayList<>(List.of("run", APP, "--"));
        argv.addAll(List.of(command));
        return user.ssh(argv.toArray(String[]::new));
    }

    /** busybox wget: its own -T option crashes the Debian build, so timeout bounds it instead. */
    private Cli.Result fetch(String url) {
        return run("timeout", "5", "wget", "-q", "-O", "-", url);
    }

    /** Fails for the given reason, so that a crash or a typo cannot pass for isolation. */
    private void assertUnreachable(String url, String reason) {
        Cli.Result fetched = fetch(url);
        assertNotEquals(0, fetched.exitCode(), url + " answered:\n" + fetched.output());
        assertTrue(fetched.output().contains(reason), url + ": " + fetched.output());
    }

    private static long capabilities(String status, String field) {
        Matcher matcher = Pattern.compile("(?m)^" + field + ":\\s+([0-9a-f]+)$").matcher(status);
        assertTrue(matcher.find(), status);
        return Long.parseUnsignedLong(matcher.group(1), 16);
    }

    private void awaitLog(String expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String logs = "";
        while (System.nanoTime() < deadline) {
            logs = user.ssh("logs", APP, "-n", "200").output();
            if (logs.contains(expected)) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the log never showed '" + expected + "':\n" + logs);
    }

    private static void assertRefused(Cli.Result result, String message) {
        assertNotEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains(message), result.output());
    }
}
