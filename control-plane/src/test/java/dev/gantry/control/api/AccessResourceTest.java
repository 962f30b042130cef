package dev.gantry.control.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gantry.control.GantryConfig;
import dev.gantry.control.GantryTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** A member's bearer token over REST, against the real database: its own apps only, no admin work. */
@QuarkusTest
@QuarkusTestResource(GantryTestResource.class)
class AccessResourceTest {

    @Inject
    GantryConfig config;

    @Test
    void aMembersTokenSeesItsOwnAppsOnlyAndStopsWorkingWhenRevoked() throws IOException {
        cli(admin(), "users:add", "dora").then().header("X-Gantry-Exit-Code", "0");
        String token = cli(admin(), "tokens:create", "ci", "--user", "dora").then().header("X-Gantry-Exit-Code", "0")
                .extract().body().asString().lines().filter(line -> line.startsWith("gantry_")).findFirst().orElseThrow();
        cli(as(token), "apps:create", "dora-app").then().header("X-Gantry-Exit-Code", "0");
        cli(admin(), "apps:create", "admins-app").then().header("X-Gantry-Exit-Code", "0");

        as(token).get("/api/v1/apps").then().statusCode(200).body("name", contains("dora-app"))
                .body("owner", contains("dora"));
        as(token).get("/api/v1/apps/dora-app/config").then().statusCode(200);
        String hidden = as(token).get("/api/v1/apps/admins-app/config").then().statusCode(404)
                .contentType("application/problem+json").extract().path("detail");
        String unknown = as(token).get("/api/v1/apps/no-such-app/config").then().statusCode(404)
                .extract().path("detail");
        assertEquals(unknown.replace("no-such-app", "X"), hidden.replace("admins-app", "X"));
        as(token).contentType("application/json").body("{\"name\": \"eve\"}").post("/api/v1/users")
                .then().statusCode(403).body("detail", equalTo("users:add is for admins only. Ask an admin to run it"));
        cli(as(token), "apps:list").then().body(equalTo("dora-app\n"));

        cli(admin(), "tokens:revoke", "ci", "--user", "dora").then().header("X-Gantry-Exit-Code", "0");
        as(token).get("/api/v1/apps").then().statusCode(401).contentType("application/problem+json")
                .body("detail", containsString("the token 'ci' of dora was revoked"));
    }

    private RequestSpecification admin() throws IOException {
        return as(Files.readString(config.home().resolve("cli-token")).trim());
    }

    private static RequestSpecification as(String token) {
        return given().header("Authorization", "Bearer " + token);
    }

    private static Response cli(RequestSpecification as, String... argv) {
        RequestSpecification request = as.contentType("application/octet-stream");
        for (String arg : argv) {
            request = request.queryParam("arg", arg);
        }
        return request.post("/api/v1/cli");
    }
}
