package dev.gantry.control.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Volumes as users keep data in them: a file written by a one-off run is served by the web
 * instances of every later release, after a rollback and after a control-plane restart, and the
 * volume outlives the app unless asked.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StorageIT {

    private static final String APP = "e2e-storage";
    private static final String VOLUME = "gantry-" + APP + "-data";
    private static final String SERVE = "CMD exec httpd -f -p $PORT -h /www";

    private GantryTestbed testbed;
    private GantryUser user;

    @BeforeAll
    void deploy() throws Exception {
        testbed = GantryTestbed.start(APP, Map.of());
        user = testbed.user;
        assertTrue(user.ssh("apps:create", APP).ok());
        assertTrue(user.ssh("deploy:set", APP, "watch=0s", "drain-timeout=1s", "stop-grace=1s").ok());
        assertTrue(testbed.push("v1", SERVE).ok());
    }

    @AfterAll
    void cleanUp() throws Exception {
        if (testbed != null) {
            testbed.close();
            Cli.run(testbed.work.getParent(), Map.of(), List.of("docker", "volume", "rm", "-f", VOLUME));
        }
    }

    @Test
    @Order(1)
    void aVolumeIsCreatedAndMountedAndBadInputIsRefused() throws Exception {
        Cli.Result created = user.ssh("storage:create", APP, "data");
        assertTrue(created.ok(), created.output());
        assertTrue(created.output().contains("engine volume " + VOLUME), created.output());
        Cli.Result mounted = user.ssh("storage:mount", APP, "data:/www/data");
        assertTrue(mounted.ok(), mounted.output());

        assertRefused(user.ssh("storage:create", APP, "data"), "already has storage 'data'");
        assertRefused(user.ssh("storage:create", APP, "Bad_Name"), "is not a storage name");
        assertRefused(user.ssh("storage:mount", APP, "data"), "is not NAME:/path");
        assertRefused(user.ssh("storage:mount", APP, "data:/etc"), "belongs to the system");
        assertRefused(user.ssh("storage:mount", APP, "data:/www/../etc"), "without '..'");
        assertRefused(user.ssh("storage:mount", APP, "nope:/x"), "has no storage 'nope'");
        assertRefused(user.ssh("storage:destroy", APP, "data"), "--force");
        assertTrue(user.ssh("storage:list", APP).output().contains("/www/data"));
        HttpResponse<String> listed = testbed.api.get("/apps/" + APP + "/storage");
        assertEquals("[{\"name\":\"data\",\"volume\":\"" + VOLUME + "\",\"mounts\":[\"/www/data\"]}]",
                listed.body());
    }

    @Test
    @Order(2)
    void dataWrittenOnceOutlivesDeploysRollbacksAndRestarts() throws Exception {
        Cli.Result written = user.ssh("run", APP, "--", "sh", "-c", "'echo kept > /www/data/file'");
        assertTrue(written.ok(), written.output());

        assertTrue(testbed.push("v2", SERVE).ok(), "instances started after the mount get the volume");
        assertEquals("kept", fileThroughTheRouter());

        assertTrue(user.ssh("rollback", APP).ok());
        assertEquals("kept", fileThroughTheRouter());

        testbed.gantry.stopControlPlane();
        testbed.gantry.startControlPlane();
        assertTrue(user.ssh("ps:restart", APP).ok());
        assertEquals("kept", fileThroughTheRouter());
    }

    @Test
    @Order(3)
    void aMountedVolumeCannotBeDestroyedAndAnAppsVolumeOutlivesIt() {
        assertRefused(user.ssh("storage:destroy", APP, "data", "--force"), "is still mounted");

        Cli.Result destroyed = user.gantryCli("apps:destroy", APP, "--force");

        assertTrue(destroyed.ok(), destroyed.output());
        assertTrue(destroyed.output().contains("Kept volume " + VOLUME), destroyed.output());
        assertTrue(Cli.ok(testbed.work, Map.of(), "docker", "volume", "ls", "-q").output().contains(VOLUME));
    }

    private String fileThroughTheRouter() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + testbed.gantry.routerPort
                + "/data/file")).header("Host", APP + ".localhost").build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return response.body().trim();
    }

    private static void assertRefused(Cli.Result result, String message) {
        assertNotEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains(message), result.output());
    }
}
