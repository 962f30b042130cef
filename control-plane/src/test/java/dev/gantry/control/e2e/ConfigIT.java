package dev.gantry.control.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * Config changes as users make them over SSH: each makes a new release of the same build whose
 * instances see the exact value (the app serves the GREETING variable back), and bad keys change
 * nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConfigIT {

    private static final String APP = "e2e-config";
    private static final String ECHO_GREETING =
            "CMD [ -n \"${GREETING+set}\" ] && printf '%s\\n' \"$GREETING\" > /www/index.html;"
                    + " exec httpd -f -p $PORT -h /www";

    private GantryTestbed testbed;
    private GantryUser user;

    @BeforeAll
    void deploy() throws Exception {
        testbed = GantryTestbed.start(APP, Map.of());
        user = testbed.user;
        assertTrue(user.ssh("apps:create", APP).ok());
        Cli.Result early = user.ssh("config:set", APP, shellQuoted("GREETING=before the first deploy"));
        assertTrue(early.ok(), early.output());
        assertTrue(early.output().contains("the first deploy of " + APP + " will use it"), early.output());
        assertTrue(testbed.push("unused", ECHO_GREETING).ok());
        assertTrue(user.ssh("deploy:set", APP, "watch=0s").ok());
    }

    @AfterAll
    void cleanUp() throws Exception {
        if (testbed != null) {
            testbed.close();
        }
    }

    @Test
    @Order(1)
    void configSetBeforeTheFirstDeployIsUsedByIt() throws Exception {
        assertEquals("before the first deploy\n", user.get(APP).body());
    }

    @Test
    @Order(2)
    void aValueWithSpacesQuotesEqualsAndUnicodeReachesTheAppByteExactWithoutARebuild() throws Exception {
        String value = "hello = \"world\" 'ü' $(id) `id`";

        Cli.Result set = user.ssh("config:set", APP, shellQuoted("GREETING=" + value));

        assertTrue(set.ok(), set.output());
        assertFalse(set.output().contains("Step 1/"), "nothing is rebuilt:\n" + set.output());
        assertTrue(set.output().contains(APP + " v2 serves the new config"), set.output());
        assertFalse(set.output().contains(value), "the value is never printed:\n" + set.output());
        assertEquals(value + "\n", user.get(APP).body());
        assertEquals(value, user.ssh("config:get", APP, "GREETING").output());
    }

    @Test
    @Order(3)
    void aMultiLineValueGoesThroughStdin() throws Exception {
        Path file = testbed.work.resolve("greeting.txt");
        Files.writeString(file, "line one\nline two\n");

        Cli.Result set = Cli.run(testbed.work, Map.of(), sshArgv("config:set", APP, "GREETING", "--stdin"), file);

        assertTrue(set.ok(), set.output());
        assertEquals("line one\nline two\n\n", user.get(APP).body());
    }

    @Test
    @Order(4)
    void configHidesValuesUnlessRevealedAndReleasesShowOnlyKeys() {
        Cli.Result hidden = user.ssh("config", APP);
        assertTrue(hidden.output().contains("GREETING=******** (18 bytes)"), hidden.output());
        assertFalse(hidden.output().contains("line one"), hidden.output());
        assertTrue(user.ssh("config", APP, "--reveal").output().contains("line one"));

        Cli.Result info = user.ssh("releases:info", APP, "v3");
        assertTrue(info.output().contains("~GREETING"), info.output());
        assertFalse(info.output().contains("line one"), info.output());
    }

    @Test
    @Order(5)
    void badKeysAreRefusedInOneLineAndMakeNoRelease() {
        for (String bad : List.of("1A=x", "A-B=x", "PORT=1", "GANTRY_X=1", "NOEQUALS")) {
            Cli.Result refused = user.ssh("config:set", APP, bad);
            assertFalse(refused.ok(), bad);
            assertTrue(refused.output().startsWith("error: "), refused.output());
        }
        Cli.Result unknown = user.ssh("config:unset", APP, "NOPE");
        assertTrue(unknown.output().contains("NOPE is not set on " + APP), unknown.output());
        assertFalse(Pattern.compile("(?m)^v4\\s").matcher(user.ssh("releases", APP).output()).find(),
                "no release was made");
    }

    @Test
    @Order(6)
    void unsetRemovesTheVariableFromTheApp() throws Exception {
        Cli.Result unset = user.ssh("config:unset", APP, "GREETING");

        assertTrue(unset.ok(), unset.output());
        assertEquals("unused", user.get(APP).body().trim(), "without GREETING the app serves its own file");
        assertTrue(user.ssh("config", APP).output().contains("none set"));
    }

    @Test
    @Order(7)
    void theRestApiSetsAndUnsetsInOneReleaseHidesValuesAndRefusesBadInput() throws Exception {
        assertTrue(user.ssh("config:set", APP, "DOOMED=1").ok());

        HttpResponse<String> patched = testbed.api.send("PATCH", "/apps/" + APP + "/config",
                "{\"GREETING\": \"from the api\", \"DOOMED\": null}");

        assertEquals(200, patched.statusCode(), patched.body());
        assertTrue(patched.body().contains("\"GREETING\":\"******** (12 bytes)\""), patched.body());
        assertFalse(patched.body().contains("DOOMED"), patched.body());
        assertTrue(Pattern.compile("\"release\":\\d+").matcher(patched.body()).find(), patched.body());
        assertEquals("from the api\n", user.get(APP).body());
        assertTrue(user.ssh("releases", APP).output().contains("Set GREETING; Unset DOOMED"));
        HttpResponse<String> revealed = testbed.api.get("/apps/" + APP + "/config?reveal=true");
        assertTrue(revealed.body().contains("\"GREETING\":\"from the api\""), revealed.body());

        GantryApi.assertProblem(testbed.api.send("PATCH", "/apps/" + APP + "/config", "{\"PORT\": \"1\"}"), 422,
                "PORT");
        GantryApi.assertProblem(testbed.api.send("PATCH", "/apps/" + APP + "/config", "{\"A\": 1}"), 422, "A");
        GantryApi.assertProblem(testbed.api.send("PATCH", "/apps/" + APP + "/config", "{}"), 422, "nothing to change");
        GantryApi.assertProblem(testbed.api.send("PATCH", "/apps/nope/config", "{\"A\": \"1\"}"), 404, "nope");
        GantryApi.assertProblem(testbed.api.send("GET", "/apps/" + APP + "/config", null, false), 401, "token");
    }

    @Test
    @Order(8)
    void rotatingTheKeyKeepsEveryValueReadableAcrossARestart() throws Exception {
        Path key = testbed.gantry.home.resolve("config-key");
        String oldKey = Files.readString(key).trim();

        Cli.Result rotated = user.gantryCli("config:rotate-key");

        assertTrue(rotated.ok(), rotated.output());
        assertTrue(rotated.output().contains("with a new key (id "), rotated.output());
        assertNotEquals(oldKey, Files.readString(key).trim());
        assertEquals(oldKey, Files.readString(testbed.gantry.home.resolve("config-key.previous")).trim());
        assertEquals("from the api", user.ssh("config:get", APP, "GREETING").output());

        testbed.gantry.stopControlPlane();
        Files.delete(testbed.gantry.home.resolve("config-key.previous"));
        testbed.gantry.startControlPlane();
        assertEquals("from the api", user.ssh("config:get", APP, "GREETING").output(),
                "every snapshot is sealed with the new key: the old one is no longer needed");
        assertEquals("from the api\n", user.get(APP).body());
    }

    @Test
    @Order(9)
    void theAuditLogRecordsEveryChangeByDoorWithoutItsValues() {
        Cli.Result audit = user.ssh("audit", APP);

        assertTrue(audit.ok(), audit.output());
        String log = audit.output();
        assertTrue(Pattern.compile("admin\\s+git\\s+127\\.0\\.0\\.1\\s+" + APP + "\\s+git push main\\s+ok")
                .matcher(log).find(), log);
        assertTrue(Pattern.compile("admin\\s+ssh\\s+127\\.0\\.0\\.1\\s+" + APP + "\\s+config:set\\s+ok")
                .matcher(log).find(), log);
        assertTrue(Pattern.compile("admin\\s+ssh\\s+\\S+\\s+" + APP + "\\s+config:set\\s+error: .*PORT")
                .matcher(log).find(), "refused changes are recorded with the reason:\n" + log);
        assertTrue(Pattern.compile("admin\\s+rest\\s+127\\.0\\.0\\.1\\s+" + APP
                + "\\s+PATCH /api/v1/apps/" + APP + "/config\\s+ok \\(200\\)").matcher(log).find(), log);
        assertTrue(log.contains("refused (422)"), log);
        assertFalse(log.contains("config:get") || log.contains("  ps "), "reads are not changes:\n" + log);
        for (String secret : List.of("from the api", "before the first deploy", "line one", "hello =")) {
            assertFalse(log.contains(secret), "no config value in the audit log:\n" + log);
        }
        assertTrue(user.ssh("audit").output().contains("config:rotate-key"), "changes of no app are listed too");

        HttpResponse<String> overRest = testbed.api.get("/audit?app=" + APP + "&limit=5");
        assertEquals(200, overRest.statusCode(), overRest.body());
        assertTrue(overRest.body().contains("\"channel\":\"ssh\""), overRest.body());
    }

    private List<String> sshArgv(String... command) {
        List<String> argv = new java.util.ArrayList<>(List.of("ssh", "-i", testbed.work.resolve("id_ed25519").toString(),
                "-p", "" + testbed.gantry.sshPort, "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
                "-o", "IdentitiesOnly=yes", "-o", "BatchMode=yes", "-o", "LogLevel=ERROR", "gantry@127.0.0.1"));
        argv.addAll(List.of(command));
        return argv;
    }

    /** One argument as the server splits it: single-quoted, with embedded single quotes closed and reopened. */
    private static String shellQuoted(String text) {
        return "'" + text.replace("'", "'\"'\"'") + "'";
    }
}
