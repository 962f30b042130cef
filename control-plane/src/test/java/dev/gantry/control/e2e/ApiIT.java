package dev.gantry.control.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The REST API as a CI job and a member use it without git or SSH: create an app, deploy a source
 * tarball and an image, read and change its settings, page through lists, retry a rollback safely,
 * destroy the app. Every new endpoint answers 401 without a token, hides someone else's app like an
 * unknown one, and refuses bad input with a problem document that says what to fix.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ApiIT {

    private static final String ADMIN_APP = "e2e-api-admin";
    private static final String BOB_APP = "e2e-api-bob";
    private static final String UNKNOWN_APP = "e2e-api-none";
    private static final String SERVE = "CMD exec httpd -f -p $PORT -h /www";
    /** The GETs on one app this change added; each hides someone else's app like an unknown one. */
    private static final List<String> NEW_APP_READS = List.of("", "/checks", "/deploy", "/buildpack", "/isolation",
            "/limits", "/builds", "/releases/v1", "/releases/diff?from=v1&to=v1");

    private GantryTestbed testbed;
    private String bobToken;

    @BeforeAll
    void start() throws Exception {
        testbed = GantryTestbed.start(ADMIN_APP, Map.of());
        assertTrue(testbed.user.ssh("apps:create", ADMIN_APP).ok());
        assertTrue(testbed.user.gantryCli("users:add", "bob").ok());
        Cli.Result token = testbed.user.gantryCli("tokens:create", "ci", "--user", "bob");
        assertTrue(token.ok(), token.output());
        bobToken = token.output().lines().filter(line -> line.startsWith("gantry_")).findFirst().orElseThrow();
    }

    @AfterAll
    void cleanUp() throws Exception {
        if (testbed != null) {
            testbed.user.gantryCli("apps:destroy", BOB_APP, "--force");
            testbed.close();
        }
    }

    @Test
    @Order(1)
    void theOpenApiDocumentAndItsUiNeedNoToken() {
        given().baseUri("http://127.0.0.1").port(testbed.gantry.apiPort).queryParam("format", "json")
                .get("/api/v1/openapi").then().statusCode(200)
                .body("paths", hasKey("/api/v1/apps/{app}/builds"))
                .body("paths", hasKey("/api/v1/apps/{app}/rollback"))
                .body("paths", hasKey("/api/v1/apps/{app}/checks"))
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"))
                .body("paths.'/api/v1/apps/{app}/rollback'.post.responses.'4XX'.content", hasKey("application/problem+json"))
                .body("paths.'/api/v1/status'.get.security", nullValue());
        given().baseUri("http://127.0.0.1").port(testbed.gantry.apiPort).redirects().follow(true)
                .get("/api/v1/docs/").then().statusCode(200).body(containsString("swagger-ui"));
    }

    @Test
    @Order(2)
    void aMemberCreatesAnAppAndSeesItsInfo() {
        as(bobToken).contentType("application/json").body("{\"name\": \"" + BOB_APP + "\"}").post("/apps")
                .then().statusCode(201).body("name", equalTo(BOB_APP)).body("owner", equalTo("bob"))
                .body("release", nullValue()).body("gitRemote", containsString("/" + BOB_APP));
        problem(as(bobToken).contentType("application/json").body("{\"name\": \"" + ADMIN_APP + "\"}").post("/apps"),
                409, "is taken. Pick another name");
        problem(as(bobToken).contentType("application/json").body("{\"name\": \"Bad_Name\"}").post("/apps"),
                422, "is not a valid app name");
        problem(as(bobToken).contentType("application/json").body("{\"name\": \"stack-node\"}").post("/apps"),
                422, "'stack-node' is reserved for Gantry's own images");
        problem(as(bobToken).contentType("application/json").body("{}").post("/apps"), 422, "name: missing");
        problem(anonymous().contentType("application/json").body("{\"name\": \"x\"}").post("/apps"), 401,
                "missing bearer token");
        as(bobToken).get("/apps/" + BOB_APP).then().statusCode(200).body("owner", equalTo("bob"));
    }

    @Test
    @Order(3)
    void aTarballBuildDeploysLikeAPushAndKeepsItsLog() throws Exception {
        String key = UUID.randomUUID().toString();
        Response built = as(bobToken).header("Idempotency-Key", key).contentType("application/gzip")
                .body(site("uploaded by CI")).post("/apps/" + BOB_APP + "/builds");

        built.then().statusCode(201).body("build.status", equalTo("succeeded")).body("build.createdBy", equalTo("bob"))
                .body("releases", hasItem("v1")).body("log", not(equalTo("")));
        assertEquals("uploaded by CI", testbed.user.get(BOB_APP).body().trim());
        int number = built.path("build.number");
        as(bobToken).get("/apps/" + BOB_APP + "/builds/" + number).then().statusCode(200)
                .body("log", equalTo(built.path("log"))).body("fullCommit", notNullValue());

        problem(as(bobToken).contentType("application/gzip").body("not a tarball".getBytes(StandardCharsets.UTF_8))
                .post("/apps/" + BOB_APP + "/builds"), 422, "not a whole gzipped tar archive");
        problem(as(bobToken).contentType("text/plain").body("hello").post("/apps/" + BOB_APP + "/builds"), 415,
                "Content-Type 'text/plain' is not read here. Send JSON with Content-Type: application/json; a build"
                        + " upload takes application/gzip");
        problem(as(bobToken).contentType("application/gzip").body(tarGz(Map.of("../escape", "x")))
                .post("/apps/" + BOB_APP + "/builds"), 422, "'../escape'");
        problem(as(bobToken).contentType("application/gzip").body(site("hijack")).post("/apps/" + ADMIN_APP + "/builds"),
                404, "does not exist");
        problem(anonymous().contentType("application/gzip").body(site("anonymous")).post("/apps/" + BOB_APP + "/builds"),
                401, "missing bearer token");
        as(bobToken).get("/apps/" + BOB_APP + "/releases").then().body("", hasSize(1));
        assertEquals("uploaded by CI", testbed.user.get(BOB_APP).body().trim(), "a refused upload changes nothing");
    }

    @Test
    @Order(4)
    void anImageOnTheEngineIsReleasedAndAnUnknownOneIsRefused() throws Exception {
        String image = as(bobToken).get("/apps/" + BOB_APP + "/builds/1").then().statusCode(200).extract().path("image");

        as(bobToken).contentType("application/json").body("{\"image\": \"" + image + "\"}")
                .post("/apps/" + BOB_APP + "/builds").then().statusCode(201).body("releases", hasItem("v2"));
        assertEquals("uploaded by CI", testbed.user.get(BOB_APP).body().trim());

        problem(as(bobToken).contentType("application/json").body("{\"image\": \"gantry-test/none:missing\"}")
                .post("/apps/" + BOB_APP + "/builds"), 422, "build failed");
        problem(as(bobToken).contentType("application/json").body("{\"image\": \"busybox\\nRUN rm -rf /\"}")
                .post("/apps/" + BOB_APP + "/builds"), 422, "is not an image reference");
        assertEquals("uploaded by CI", testbed.user.get(BOB_APP).body().trim());
    }

    @Test
    @Order(5)
    void settingsReadAndChangeAsTheCommandsDo() {
        String app = "/apps/" + BOB_APP;
        as(bobToken).contentType("application/json").body("{\"path\": \"/\", \"attempts\": 30, \"timeout\": \"3s\"}")
                .patch(app + "/checks").then().statusCode(200).body("attempts", equalTo(30))
                .body("timeout", equalTo("3s")).body("enabled", equalTo(true));
        as(bobToken).contentType("application/json").body("{\"enabled\": false}").patch(app + "/checks")
                .then().statusCode(200).body("enabled", equalTo(false)).body("attempts", equalTo(30));
        assertTrue(testbed.user.ssh("checks:report", BOB_APP).output().contains("checks disabled"),
                "SSH sees the same setting");
        problem(as(bobToken).contentType("application/json").body("{\"timeout\": \"forever\"}").patch(app + "/checks"),
                422, "checks.timeout");
        problem(as(bobToken).contentType("application/json").body("{\"path\": {\"nested\": 1}}").patch(app + "/checks"),
                422, "path: must be a string");

        as(bobToken).contentType("application/json").body("{\"drain-timeout\": \"5s\", \"auto-rollback\": false}")
                .patch(app + "/deploy").then().statusCode(200).body("drainTimeout", equalTo("5s"))
                .body("autoRollback", equalTo(false));
        problem(as(bobToken).contentType("application/json").body("{\"drain\": \"5s\"}").patch(app + "/deploy"),
                422, "unknown setting 'drain'");

        as(bobToken).contentType("application/json").body("{\"kind\": \"dockerfile\"}").put(app + "/buildpack")
                .then().statusCode(200).body("kind", equalTo("dockerfile"));
        as(bobToken).contentType("application/json").body("{\"kind\": \"auto\"}").put(app + "/buildpack")
                .then().statusCode(200).body("kind", nullValue());
        problem(as(bobToken).contentType("application/json").body("{\"kind\": \"cobol\"}").put(app + "/buildpack"),
                422, "cobol");

        as(bobToken).contentType("application/json").body("{\"read-only\": \"on\"}").patch(app + "/isolation")
                .then().statusCode(200).body("readOnlyRoot", equalTo(true));
        as(bobToken).contentType("application/json").body("{\"read-only\": false}").patch(app + "/isolation")
                .then().statusCode(200).body("readOnlyRoot", equalTo(false));
        as(bobToken).get(app + "/limits").then().statusCode(200).body("web", containsString("memory="));
        as(bobToken).get("/stacks").then().statusCode(200).body("id", hasItem(startsWith("node-")));

        for (String read : NEW_APP_READS) {
            String hidden = as(bobToken).get("/apps/" + ADMIN_APP + read).then().statusCode(404)
                    .contentType("application/problem+json").extract().path("detail");
            String unknown = as(bobToken).get("/apps/" + UNKNOWN_APP + read).then().statusCode(404).extract().path("detail");
            assertEquals(unknown.replace(UNKNOWN_APP, "APP"), hidden.replace(ADMIN_APP, "APP"), read);
            as(bobToken).get(app + read).then().statusCode(200);
            problem(anonymous().get(app + read), 401, "missing bearer token");
        }
        problem(as(bobToken).contentType("application/json").body("{\"enabled\": false}")
                .patch("/apps/" + ADMIN_APP + "/checks"), 404, "does not exist");
    }

    @Test
    @Order(6)
    void releasesInfoAndDiffNameKeysNeverValues() {
        assertTrue(testbed.user.ssh("config:set", BOB_APP, "TOKEN=very-secret-value").ok());
        String app = "/apps/" + BOB_APP;
        as(bobToken).get(app + "/releases/v3").then().statusCode(200).body("release.version", equalTo(3))
                .body("configKeys", hasItem("TOKEN")).body("configChange.added", hasItem("TOKEN"))
                .body(not(containsString("very-secret-value")));
        as(bobToken).queryParam("from", "v1").queryParam("to", "3").get(app + "/releases/diff").then().statusCode(200)
                .body("from.version", equalTo(1)).body("to.version", equalTo(3)).body("config.added", hasItem("TOKEN"))
                .body(not(containsString("very-secret-value")));
        problem(as(bobToken).get(app + "/releases/latest"), 422, "is not a release version");
        problem(as(bobToken).get(app + "/releases/v99"), 404, "v99");
    }

    @Test
    @Order(7)
    void listsArePagedWithLinks() {
        String releases = "/apps/" + BOB_APP + "/releases";
        Response first = as(bobToken).queryParam("limit", 2).get(releases);
        first.then().statusCode(200).body("", hasSize(2)).body("[0].version", equalTo(3))
                .header("X-Total-Count", "3").header("Link", containsString("rel=\"next\""));
        String next = first.getHeader("Link").replaceAll(".*<([^>]*)>; rel=\"next\".*", "$1");
        assertTrue(next.contains("page=2"), first.getHeader("Link"));
        given().header("Authorization", "Bearer " + bobToken).get(next).then().statusCode(200).body("", hasSize(1))
                .body("[0].version", equalTo(1)).header("Link", not(containsString("rel=\"next\"")));
        as(bobToken).queryParam("limit", 2).queryParam("page", 9).get(releases).then().statusCode(200)
                .body("", hasSize(0));
        for (String bad : List.of("limit=0", "limit=1001", "limit=ten", "page=0")) {
            problem(as(bobToken).get(releases + "?" + bad), 422, bad.substring(0, bad.indexOf('=')) + ": '");
        }
        as(bobToken).queryParam("limit", 1).get("/apps/" + BOB_APP + "/builds").then().statusCode(200)
                .body("", hasSize(1)).header("X-Total-Count", "3"); // the failed image build is one too
        as(bobToken).queryParam("limit", 1).get("/tokens").then().statusCode(200).body("", hasSize(1));
        as(cliToken()).queryParam("limit", 1).get("/users").then().statusCode(200)
                .body("", hasSize(1)).header("Link", containsString("rel=\"next\""));
        as(bobToken).queryParam("limit", 5).queryParam("app", BOB_APP).get("/audit").then().statusCode(200)
                .body("", hasSize(5)).header("Link", containsString("rel=\"next\""));
    }

    @Test
    @Order(8)
    void aRetriedRollbackWithItsKeyMakesOneRelease() {
        String key = UUID.randomUUID().toString();
        String rollback = "/apps/" + BOB_APP + "/rollback";
        Response first = as(bobToken).header("Idempotency-Key", key).contentType("application/json")
                .body("{\"version\": 1}").post(rollback);
        first.then().statusCode(201).body("version", equalTo(4));

        Response again = as(bobToken).header("Idempotency-Key", key).contentType("application/json")
                .body("{\"version\": 1}").post(rollback);

        again.then().statusCode(201).header("Idempotent-Replayed", "true").body("version", equalTo(4));
        assertEquals(first.asString(), again.asString());
        as(bobToken).get("/apps/" + BOB_APP + "/releases").then().body("", hasSize(4));
        problem(as(bobToken).header("Idempotency-Key", key).contentType("application/json").body("{}")
                .post("/apps/" + BOB_APP + "/restart"), 422, "was used for POST " + "/api/v1" + rollback);
        problem(as(bobToken).header("Idempotency-Key", "").contentType("application/json").body("{}")
                .post(rollback), 422, "Idempotency-Key: must be 1 to 255");
    }

    @Test
    @Order(9)
    void storageChangesAsTheCommandsDo() {
        String storage = "/apps/" + BOB_APP + "/storage";
        as(bobToken).contentType("application/json").body("{\"name\": \"data\"}").post(storage).then().statusCode(201)
                .body("name", hasItem("data"));
        as(bobToken).contentType("application/json").body("{\"path\": \"/data\"}").post(storage + "/data/mounts")
                .then().statusCode(201).body("find { it.name == 'data' }.mounts[0]", containsString("/data"));
        problem(as(bobToken).contentType("application/json").body("{}").post(storage + "/data/mounts"), 422,
                "path: missing");
        as(bobToken).queryParam("path", "/data").delete(storage + "/data/mounts").then().statusCode(200)
                .body("find { it.name == 'data' }.mounts", hasSize(0));
        problem(as(bobToken).delete(storage + "/data"), 422, "?confirm=data");
        as(bobToken).queryParam("confirm", "data").delete(storage + "/data").then().statusCode(200)
                .body("name", not(hasItem("data")));
        problem(as(bobToken).contentType("application/json").body("{\"name\": \"data\"}")
                .post("/apps/" + ADMIN_APP + "/storage"), 404, "does not exist");
    }

    @Test
    @Order(10)
    void onlyTheOwnerDestroysAnAppAndOnlyWithConfirmation() throws Exception {
        assertTrue(testbed.user.ssh("apps:share", ADMIN_APP, "bob").ok());
        problem(as(bobToken).queryParam("confirm", ADMIN_APP).delete("/apps/" + ADMIN_APP), 403,
                "only the owner of " + ADMIN_APP);
        problem(as(bobToken).delete("/apps/" + BOB_APP), 422, "?confirm=" + BOB_APP);
        problem(as(bobToken).queryParam("confirm", UNKNOWN_APP).delete("/apps/" + UNKNOWN_APP), 404, "does not exist");
        problem(anonymous().queryParam("confirm", BOB_APP).delete("/apps/" + BOB_APP), 401, "missing bearer token");

        as(bobToken).queryParam("confirm", BOB_APP).delete("/apps/" + BOB_APP).then().statusCode(204);

        problem(as(bobToken).get("/apps/" + BOB_APP), 404, "does not exist");
        assertEquals(404, testbed.user.get(BOB_APP).statusCode());
    }

    private String cliToken() {
        try {
            return Files.readString(testbed.gantry.home.resolve("cli-token")).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void problem(Response response, int status, String mentioned) {
        response.then().statusCode(status).contentType("application/problem+json")
                .body("status", equalTo(status)).body("detail", containsString(mentioned));
    }

    private RequestSpecification as(String token) {
        return anonymous().header("Authorization", "Bearer " + token);
    }

    private RequestSpecification anonymous() {
        return given().baseUri("http://127.0.0.1").port(testbed.gantry.apiPort).basePath("/api/v1");
    }

    /** The busybox site of the other tests, as a CI job would pack it: tar czf - -C site . */
    private static byte[] site(String greeting) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("./index.html", greeting);
        files.put("./Dockerfile", "FROM " + TestImages.BUSYBOX + "\nCOPY index.html /www/index.html\n" + SERVE + "\n");
        return tarGz(files);
    }

    private static byte[] tarGz(Map<String, String> files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(bytes))) {
            for (Map.Entry<String, String> file : files.entrySet()) {
                byte[] content = file.getValue().getBytes(StandardCharsets.UTF_8);
                TarArchiveEntry entry = new TarArchiveEntry(file.getKey(), true);
                entry.setSize(content.length);
                tar.putArchiveEntry(entry);
                tar.write(content);
                tar.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
