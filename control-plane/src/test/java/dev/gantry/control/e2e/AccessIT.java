package dev.gantry.control.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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
 * Users and what each may do, as people meet it: an admin adds a member with a key and a token;
 * the member runs its own app over SSH, git and REST, while someone else's app looks to it exactly
 * like an app that does not exist, until it is shared. Revoked and expired tokens stop working.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccessIT {

    private static final String ADMIN_APP = "e2e-access-admin";
    private static final String BOB_APP = "e2e-access-bob";
    private static final String UNKNOWN_APP = "e2e-access-none";
    private static final String SECRET = "s3cret-value-of-admin";
    private static final String SERVE = "CMD exec httpd -f -p $PORT -h /www";
    /** Every GET on one app; each must hide someone else's app the same way. */
    private static final List<String> APP_READS = List.of("/config", "/releases", "/formation", "/instances",
            "/domains", "/storage", "/logs", "/members");

    private GantryTestbed testbed;
    private GantryUser admin;
    private GantryUser bob;
    private String bobToken;

    @BeforeAll
    void start() throws Exception {
        testbed = GantryTestbed.start(ADMIN_APP, Map.of());
        admin = testbed.user;
        assertTrue(admin.ssh("apps:create", ADMIN_APP).ok());
        assertTrue(admin.ssh("config:set", ADMIN_APP, "SECRET=" + SECRET).ok());

        Cli.Result added = admin.gantryCli("users:add", "bob");
        assertTrue(added.ok(), added.output());
        assertTrue(added.output().contains("Added bob (member)"), added.output());
        bob = new GantryUser(testbed.gantry, Files.createDirectories(testbed.work.resolve("bob")));
        Cli.Result key = bob.registerKey("bob");
        assertTrue(key.ok(), key.output());
        Cli.Result token = admin.gantryCli("tokens:create", "ci", "--user", "bob");
        assertTrue(token.ok(), token.output());
        bobToken = token.output().lines().filter(line -> line.startsWith("gantry_")).findFirst().orElseThrow();
    }

    @AfterAll
    void cleanUp() throws Exception {
        if (testbed != null) {
            admin.gantryCli("apps:destroy", BOB_APP, "--force");
            testbed.close();
        }
    }

    @Test
    @Order(1)
    void aMemberCreatesAndPushesItsOwnApp() throws Exception {
        Cli.Result created = bob.ssh("apps:create", BOB_APP);
        assertTrue(created.ok(), created.output());
        Path repo = bob.newRepository(BOB_APP);
        bob.commitApp(repo, "bob's app", SERVE);

        Cli.Result pushed = bob.git(repo, "push", "paas", "main");

        assertTrue(pushed.ok(), pushed.output());
        assertEquals("bob's app", bob.get(BOB_APP).body().trim());
        as(bobToken).get("/apps/" + BOB_APP + "/releases").then().statusCode(200).body("[0].createdBy", equalTo("bob"));
        assertTrue(admin.ssh("apps:info", BOB_APP).output().contains("Owner:       bob"));
    }

    @Test
    @Order(2)
    void overSshSomeoneElsesAppLooksLikeAnUnknownOne() {
        Cli.Result list = bob.ssh("apps:list");
        assertEquals(BOB_APP, list.output().trim(), "a member lists its own apps only");
        assertTrue(admin.ssh("apps:list").output().contains(BOB_APP), "an admin lists every app");

        for (List<String> command : List.of(List.of("config", "%s", "--reveal"), List.of("config:get", "%s", "SECRET"),
                List.of("logs", "%s"), List.of("apps:info", "%s"), List.of("releases", "%s"),
                List.of("config:set", "%s", "SECRET=stolen"), List.of("apps:destroy", "%s", "--force"),
                List.of("audit", "%s"))) {
            Cli.Result hidden = bob.ssh(fill(command, ADMIN_APP));
            Cli.Result unknown = bob.ssh(fill(command, UNKNOWN_APP));
            assertNotEquals(0, hidden.exitCode(), hidden.output());
            assertEquals(unknown.output().replace(UNKNOWN_APP, "APP"), hidden.output().replace(ADMIN_APP, "APP"),
                    command.get(0) + " tells the two apart");
            assertEquals("error: app '" + ADMIN_APP + "' does not exist. Create it with apps:create " + ADMIN_APP
                    + " or push to it\n", hidden.output());
        }
        assertEquals(SECRET, admin.ssh("config:get", ADMIN_APP, "SECRET").output(), "nothing changed");
    }

    @Test
    @Order(3)
    void gitRefusesSomeoneElsesAppInOneLine() throws Exception {
        Path repo = bob.newRepository(ADMIN_APP);
        bob.commitApp(repo, "hijack", SERVE);

        Cli.Result push = bob.git(repo, "push", "paas", "main");
        Cli.Result fetch = bob.git(repo, "ls-remote", "paas");

        assertNotEquals(0, push.exitCode(), push.output());
        assertTrue(push.output().contains("the app name '" + ADMIN_APP + "' is taken. Pick another name"),
                push.output());
        assertFalse(push.output().contains("Building"), push.output());
        assertNotEquals(0, fetch.exitCode(), fetch.output());
        assertTrue(fetch.output().contains("app '" + ADMIN_APP + "' does not exist"), fetch.output());
        assertTrue(admin.ssh("apps:info", ADMIN_APP).output().contains("none yet: push to deploy"), "nothing was pushed");
    }

    @Test
    @Order(4)
    void overRestSomeoneElsesAppIsA404LikeAnUnknownOne() {
        for (String read : APP_READS) {
            String hidden = as(bobToken).get("/apps/" + ADMIN_APP + read).then().statusCode(404)
                    .contentType("application/problem+json").extract().path("detail");
            String unknown = as(bobToken).get("/apps/" + UNKNOWN_APP + read).then().statusCode(404)
                    .extract().path("detail");
            assertEquals(unknown.replace(UNKNOWN_APP, "APP"), hidden.replace(ADMIN_APP, "APP"), read);
            as(bobToken).get("/apps/" + BOB_APP + read).then().statusCode(200);
            given().baseUri("http://127.0.0.1").port(testbed.gantry.apiPort).get("/api/v1/apps/" + BOB_APP + read).then().statusCode(401)
                    .contentType("application/problem+json").body("detail", containsString("missing bearer token"));
        }
        as(bobToken).body("{\"SECRET\": \"stolen\"}").contentType("application/json")
                .patch("/apps/" + ADMIN_APP + "/config").then().statusCode(404);
        as(bobToken).get("/apps").then().statusCode(200).body("name", contains(BOB_APP));
        as(bobToken).get("/audit").then().statusCode(403).body("detail", containsString("for admins only"));
    }

    @Test
    @Order(5)
    void adminWorkIsRefusedToAMemberWithA403() {
        Cli.Result ssh = bob.ssh("users:add", "eve");
        assertNotEquals(0, ssh.exitCode());
        assertEquals("error: users:add is for admins only. Ask an admin to run it\n", ssh.output());
        assertTrue(bob.ssh("stacks:rebuild").output().contains("stacks:rebuild is for admins only"));
        assertTrue(bob.ssh("tokens", "--user", "admin").output().contains("for admins only"));
        assertTrue(bob.ssh("keys:add", "--user", "admin", "ssh-ed25519", "AAAA").output().contains("for admins only"));
        assertTrue(bob.ssh("keys:add", "bob").output().contains("For a user's key: keys:add --user bob < key.pub"),
                "the form from before users says how it is written now");

        as(bobToken).body("{\"name\": \"eve\"}").contentType("application/json").post("/users")
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", equalTo("users:add is for admins only. Ask an admin to run it"));
        as(bobToken).get("/users").then().statusCode(403);
        as(bobToken).get("/users/admin/keys").then().statusCode(403);
        as(bobToken).get("/users/bob").then().statusCode(200).body("role", equalTo("member"));
        as(bobToken).get("/users/bob/keys").then().statusCode(200).body("fingerprint[0]", startsWith("SHA256:"));
        assertTrue(admin.gantryCli("users").output().contains("bob"), "nothing was added");
        assertFalse(admin.gantryCli("users").output().contains("eve"));
    }

    @Test
    @Order(6)
    void sharingAnAppLetsTheMemberUseItAndOnlyItsOwnerShares() {
        Cli.Result shared = admin.ssh("apps:share", ADMIN_APP, "bob");
        assertTrue(shared.ok(), shared.output());

        Cli.Result config = bob.ssh("config:get", ADMIN_APP, "SECRET");
        assertTrue(config.ok(), config.output());
        assertEquals(SECRET, config.output());
        as(bobToken).get("/apps/" + ADMIN_APP + "/config").then().statusCode(200);
        as(bobToken).get("/apps/" + ADMIN_APP + "/members").then().statusCode(200)
                .body("owner", equalTo("admin")).body("members", contains("bob"));
        assertTrue(bob.ssh("apps:list").output().contains(ADMIN_APP));
        assertEquals("error: only the owner of " + ADMIN_APP + " (admin) or an admin may run apps:unshare\n",
                bob.ssh("apps:unshare", ADMIN_APP, "bob").output());
        as(bobToken).delete("/apps/" + ADMIN_APP + "/members/bob").then().statusCode(403);
        assertNotEquals(0, bob.ssh("apps:destroy", ADMIN_APP, "--force").exitCode());

        assertTrue(admin.ssh("apps:unshare", ADMIN_APP, "bob").ok());
        assertNotEquals(0, bob.ssh("config:get", ADMIN_APP, "SECRET").exitCode(), "unsharing takes effect at once");
        as(bobToken).get("/apps/" + ADMIN_APP + "/config").then().statusCode(404);
    }

    @Test
    @Order(7)
    void restEndpointsForUsersKeysTokensAndMembers() {
        as(cliToken()).body("{\"name\": \"Carol_1\"}").contentType("application/json").post("/users")
                .then().statusCode(422).contentType("application/problem+json")
                .body("detail", containsString("is not a valid user name"));
        as(cliToken()).body("{\"name\": \"carol\", \"role\": \"boss\"}").contentType("application/json").post("/users")
                .then().statusCode(422).body("detail", containsString("Use admin or member"));
        as(cliToken()).body("{\"name\": \"carol\"").contentType("application/json").post("/users")
                .then().statusCode(400).contentType("application/problem+json");
        as(cliToken()).body("{\"name\": \"carol\"}").contentType("application/json").post("/users")
                .then().statusCode(201).body("role", equalTo("member"));
        as(cliToken()).body("{\"role\": \"admin\"}").contentType("application/json").patch("/users/carol")
                .then().statusCode(200).body("role", equalTo("admin"));
        as(cliToken()).body("{\"publicKey\": \"ssh-ed25519 nonsense\"}").contentType("application/json")
                .post("/users/carol/keys").then().statusCode(422).body("detail", containsString("public key"));
        as(cliToken()).get("/users/carol/keys").then().statusCode(200).body("$", empty());
        as(cliToken()).get("/users/nobody/keys").then().statusCode(404);
        as(cliToken()).body("{\"user\": \"carol\"}").contentType("application/json")
                .post("/apps/" + BOB_APP + "/members").then().statusCode(201).body("members", contains("carol"));
        as(bobToken).body("{\"user\": \"nobody\"}").contentType("application/json")
                .post("/apps/" + BOB_APP + "/members").then().statusCode(404).body("detail", containsString("nobody"));
        as(cliToken()).delete("/users/carol").then().statusCode(204);
        as(cliToken()).get("/apps/" + BOB_APP + "/members").then().body("members", empty());
        as(cliToken()).delete("/users/admin").then().statusCode(409);
        as(cliToken()).delete("/users/bob").then().statusCode(409).body("detail", containsString("still owns " + BOB_APP));

        as(bobToken).get("/tokens").then().statusCode(200).body("name", hasItem("ci"))
                .body("[0].prefix", startsWith("gantry_")).body("[0].token", nullValue())
                .body("[0].lastUsedAt", not(nullValue()));
        as(bobToken).body("{\"name\": \"x y\"}").contentType("application/json").post("/tokens")
                .then().statusCode(422).body("detail", containsString("not a valid token name"));
        as(bobToken).body("{\"name\": \"ci\"}").contentType("application/json").post("/tokens")
                .then().statusCode(409).body("detail", containsString("already has a token named 'ci'"));
        as(bobToken).delete("/tokens/nothere").then().statusCode(404);
    }

    @Test
    @Order(8)
    void expiredAndRevokedTokensAreRefusedSayingWhy() throws Exception {
        Response created = as(bobToken).body("{\"name\": \"short\", \"expires\": \"2s\"}").contentType("application/json")
                .post("/tokens");
        created.then().statusCode(201).body("token", startsWith("gantry_"));
        String shortLived = created.path("token");
        as(shortLived).get("/apps").then().statusCode(200);
        Instant expires = Instant.parse(created.path("expiresAt"));
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), expires).toMillis()) + 500);
        as(shortLived).get("/apps").then().statusCode(401).contentType("application/problem+json")
                .body("detail", containsString("the token 'short' of bob expired at"));

        Cli.Result revoked = admin.gantryCli("tokens:revoke", "ci", "--user", "bob");
        assertTrue(revoked.ok(), revoked.output());
        as(bobToken).get("/apps").then().statusCode(401).contentType("application/problem+json")
                .body("detail", containsString("the token 'ci' of bob was revoked at"));
        as("gantry_made-up").get("/apps").then().statusCode(401).body("detail", containsString("unknown bearer token"));
        assertTrue(admin.gantryCli("tokens", "--user", "bob").output().contains("revoked"));
    }

    @Test
    @Order(9)
    void theAuditLogNamesTheRealUserAndHoldsNoSecret() {
        String audit = admin.gantryCli("audit").output();
        assertRecorded(audit, "bob", "ssh", BOB_APP, "apps:create", "ok");
        assertRecorded(audit, "bob", "git", BOB_APP, "git push main", "ok");
        assertRecorded(audit, "bob", "rest", ADMIN_APP, "PATCH /api/v1/apps/" + ADMIN_APP + "/config", "refused \\(404\\)");
        assertRecorded(audit, "bob", "ssh", "-", "users:add", "error: users:add is for admins only");
        assertTrue(audit.contains("tokens:create"), audit);
        assertFalse(audit.contains("gantry_"), "no token in the audit log");
        assertFalse(audit.contains(SECRET), "no config value in the audit log");
    }

    /** A line of the audit listing: time, who, channel, address, app, action, result. */
    private static void assertRecorded(String audit, String actor, String channel, String app, String action,
            String result) {
        String line = ".*UTC\\s+" + actor + "\\s+" + channel + "\\s+\\S+\\s+" + app + "\\s+" + action + "\\s+" + result + ".*";
        assertTrue(audit.lines().anyMatch(recorded -> recorded.matches(line)), line + " in\n" + audit);
    }

    private static String[] fill(List<String> command, String app) {
        return command.stream().map(part -> part.replace("%s", app)).toArray(String[]::new);
    }

    private RequestSpecification as(String token) {
        return given().baseUri("http://127.0.0.1").port(testbed.gantry.apiPort).basePath("/api/v1").header("Authorization", "Bearer " + token);
    }

    private String cliToken() {
        try {
            return Files.readString(testbed.gantry.home.resolve("cli-token")).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
