package dev.gantry.control.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gantry.control.GantryConfig;
import dev.gantry.control.GantryTestResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The audit log filtered by user, action and time range, a page at a time, and exported whole as
 * JSON Lines, through REST and the host CLI's door (the same command as over SSH).
 */
@QuarkusTest
@QuarkusTestResource(GantryTestResource.class)
class AuditFiltersResourceTest {

    private static final String APP = "audited";

    @Inject
    GantryConfig config;

    @Inject
    AgroalDataSource database;

    /** Seven events of an app of its own: bob's three config:set on three days, and others'. */
    @BeforeEach
    void record() throws SQLException, IOException {
        int created = admin().contentType("application/json").body("{\"name\": \"" + APP + "\"}").post("/api/v1/apps")
                .statusCode();
        assertTrue(created == 201 || created == 409, "the app exists: " + created);
        try (Connection connection = database.getConnection()) {
            connection.createStatement().execute("DELETE FROM audit_event WHERE app = '" + APP + "'");
            event(connection, "2026-11-01T10:00:00Z", "bob", "ssh", "config:set");
            event(connection, "2026-11-02T10:00:00Z", "bob", "rest", "config:set");
            event(connection, "2026-11-03T10:00:00Z", "bob", "ssh", "config:set");
            event(connection, "2026-11-03T11:00:00Z", "bob", "git", "git push main");
            event(connection, "2026-11-03T12:00:00Z", "carol", "ssh", "config:set");
            event(connection, "2026-11-03T13:00:00Z", "carol", "git", "git push main");
            event(connection, "2026-11-03T14:00:00Z", "carol", "git", "git push feature_x");
        }
    }

    @Test
    void filtersByUserActionAndTimeRangeNewestFirst() throws IOException {
        List<String> times = admin().queryParam("app", APP).queryParam("user", "bob").queryParam("action", "config:set")
                .queryParam("since", "2026-11-02").queryParam("until", "2026-11-03T12:00:00Z")
                .get("/api/v1/audit").then().statusCode(200).header("X-Total-Count", "2")
                .extract().jsonPath().getList("at");

        assertEquals(List.of("2026-11-03T10:00:00Z", "2026-11-02T10:00:00Z"), times);
        List<String> pushes = admin().queryParam("app", APP).queryParam("action", "git push*").get("/api/v1/audit")
                .then().statusCode(200).extract().jsonPath().getList("action");
        assertEquals(List.of("git push feature_x", "git push main", "git push main"), pushes);
    }

    @Test
    void pagesThroughWhatMatches() throws IOException {
        Response second = admin().queryParam("app", APP).queryParam("limit", "3").queryParam("page", "2")
                .get("/api/v1/audit");

        second.then().statusCode(200).header("X-Total-Count", "7").header("Link", containsString("rel=\"next\""));
        assertEquals(List.of("2026-11-03T11:00:00Z", "2026-11-03T10:00:00Z", "2026-11-02T10:00:00Z"),
                second.jsonPath().getList("at"));
    }

    @Test
    void exportsEveryMatchingEventAsJsonLines() throws IOException {
        Response export = admin().queryParam("app", APP).queryParam("user", "carol").get("/api/v1/audit/export");

        export.then().statusCode(200).contentType("application/x-ndjson");
        List<String> lines = export.asString().lines().toList();
        assertEquals(3, lines.size(), export.asString());
        JsonNode newest = new ObjectMapper().readTree(lines.get(0));
        assertEquals("carol", newest.get("actor").asText());
        assertEquals("git push feature_x", newest.get("action").asText());
        assertEquals("2026-11-03T14:00:00Z", newest.get("at").asText());
    }

    @Test
    void aFilterThatCannotBeReadIsA422NamingIt() throws IOException {
        admin().queryParam("since", "yesterday").get("/api/v1/audit")
                .then().statusCode(422).contentType("application/problem+json")
                .body("detail", containsString("since: 'yesterday' is not a time"));
    }

    @Test
    void theCommandTakesTheSameFiltersAndExportsJsonLines() throws IOException {
        String table = cli("audit", APP, "--user", "carol", "--action", "git push*", "--since", "2026-11-03")
                .then().header("X-Gantry-Exit-Code", "0").extract().asString();
        assertEquals(2, table.lines().count(), table);
        assertTrue(table.lines().allMatch(line -> line.contains(" carol ") && line.contains("git push")), table);

        String json = cli("audit", APP, "--until", "2026-11-02", "--json")
                .then().header("X-Gantry-Exit-Code", "0").extract().asString();
        assertEquals(1, json.lines().count(), json);
        assertTrue(json.startsWith("{\"at\":\"2026-11-01T10:00:00Z\",\"actor\":\"bob\""), json);

        cli("audit", APP, "--since", "soon").then().header("X-Gantry-Exit-Code", "1")
                .body(containsString("error: since: 'soon' is not a time"));
        cli("audit", APP, "--json", "--page", "2").then().header("X-Gantry-Exit-Code", "1")
                .body(containsString("--json exports every matching event; leave out --page"));
    }

    private static void event(Connection connection, String at, String actor, String channel, String action)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO audit_event"
                + " (at, actor, channel, address, action, app, result) VALUES (?, ?, ?, '127.0.0.1', ?, ?, 'ok')")) {
            insert.setTimestamp(1, Timestamp.from(Instant.parse(at)));
            insert.setString(2, actor);
            insert.setString(3, channel);
            insert.setString(4, action);
            insert.setString(5, APP);
            insert.execute();
        }
    }

    private Response cli(String... argv) throws IOException {
        RequestSpecification request = admin().contentType("application/octet-stream");
        for (String arg : argv) {
            request = request.queryParam("arg", arg);
        }
        return request.post("/api/v1/cli");
    }

    private RequestSpecification admin() throws IOException {
        return given().header("Authorization", "Bearer " + Files.readString(config.home().resolve("cli-token")).trim());
    }
}
