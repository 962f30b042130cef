package dev.gantry.control.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/** Custom domains as users add them: served at once and across deploys, one app per hostname. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DomainsIT {

    private static final String APP = "e2e-domains";
    private static final String OTHER = "e2e-domains-b";
    private static final String SERVE = "CMD exec httpd -f -p $PORT -h /www";

    private GantryTestbed testbed;
    private GantryUser user;

    @BeforeAll
    void deploy() throws Exception {
        testbed = GantryTestbed.start(APP, Map.of());
        user = testbed.user;
        assertTrue(user.ssh("apps:create", APP).ok());
        assertTrue(user.ssh("apps:create", OTHER).ok());
        assertTrue(user.ssh("deploy:set", APP, "watch=0s", "drain-timeout=1s").ok());
        assertTrue(testbed.push("first", SERVE).ok());
    }

    @AfterAll
    void cleanUp() throws Exception {
        if (testbed != null) {
            user.gantryCli("apps:destroy", OTHER, "--force");
            testbed.close();
        }
    }

    @Test
    @Order(1)
    void anAddedDomainIsServedAtOnceAndListed() throws Exception {
        assertEquals(404, user.getHost("www.example.test").statusCode());

        Cli.Result added = user.ssh("domains:add", APP, "WWW.Example.test");

        assertTrue(added.ok(), added.output());
        assertTrue(added.output().contains(APP + " answers at www.example.test too"), added.output());
        assertEquals("first", user.getHost("www.example.test").body().trim());
        assertTrue(user.ssh("domains", APP).output().contains("www.example.test"));
    }

    @Test
    @Order(2)
    void aHostnameBelongsToOneAppAndBadNamesAreRefused() {
        assertRefused(user.ssh("domains:add", OTHER, "www.example.test"), "belongs to another app");
        assertRefused(user.ssh("domains:add", APP, "www.example.test"), "is already a domain of " + APP);
        assertRefused(user.ssh("domains:add", APP, "http://x.example.test"), "is not a hostname");
        assertRefused(user.ssh("domains:add", APP, "example"), "is not a hostname");
        assertRefused(user.ssh("domains:add", APP, "bad_label.example.test"), "is not a hostname");
        assertRefused(user.ssh("domains:add", APP, OTHER + ".localhost"), "under Gantry's base domain");
        assertRefused(user.ssh("domains:remove", APP, "nope.example.test"), "is not a domain of " + APP);
    }

    @Test
    @Order(3)
    void aDomainStaysWithTheAppAcrossDeploysAndRestarts() throws Exception {
        assertTrue(testbed.push("second", SERVE).ok());
        assertEquals("second", user.getHost("www.example.test").body().trim());

        testbed.gantry.stopControlPlane();
        testbed.gantry.startControlPlane();
        assertEquals("second", user.getHost("www.example.test").body().trim());
    }

    @Test
    @Order(4)
    void theRestApiAddsListsAndRemovesAndARemovedDomainIsNoLongerServed() throws Exception {
        HttpResponse<String> added = testbed.api.send("POST", "/apps/" + APP + "/domains",
                "{\"hostname\": \"api.example.test\"}");
        assertEquals(201, added.statusCode(), added.body());
        assertEquals("[\"api.example.test\",\"www.example.test\"]", added.body());
        assertEquals("second", user.getHost("api.example.test").body().trim());
        GantryApi.assertProblem(testbed.api.send("POST", "/apps/" + APP + "/domains", "{\"hostname\": \"x y\"}"), 422,
                "is not a hostname");

        assertEquals(200, testbed.api.send("DELETE", "/apps/" + APP + "/domains/api.example.test", null).statusCode());
        Cli.Result removed = user.ssh("domains:remove", APP, "www.example.test");
        assertTrue(removed.ok(), removed.output());

        assertEquals(404, user.getHost("www.example.test").statusCode());
        assertEquals(404, user.getHost("api.example.test").statusCode());
        assertEquals("second", user.get(APP).body().trim(), "the app's own name still answers");
    }

    private static void assertRefused(Cli.Result result, String message) {
        assertNotEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains(message), result.output());
    }
}
