package dev.gantry.control.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gantry.control.GantryConfig;
import dev.gantry.control.GantryTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The local CLI's endpoint: the token guards it, and commands run against the real database. */
@QuarkusTest
@QuarkusTestResource(GantryTestResource.class)
class CliResourceTest {

    @Inject
    GantryConfig config;

    @Test
    void withoutTheTokenTheAnswerIsAProblemDocument() {
        given().queryParam("arg", "apps:list")
                .when().post("/api/v1/cli")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .body("status", equalTo(401))
                .body("detail", containsString("cli-token"));
    }

    @Test
    void createsAndListsAnApp() throws IOException {
        cli().queryParam("arg", "apps:create").queryParam("arg", "shop")
                .when().post("/api/v1/cli")
                .then().statusCode(200).header("X-Gantry-Exit-Code", "0")
                .body(containsString("Created shop"));

        cli().queryParam("arg", "apps:list")
                .when().post("/api/v1/cli")
                .then().header("X-Gantry-Exit-Code", "0").body(containsString("shop"));

        cli().queryParam("arg", "apps:create").queryParam("arg", "shop")
                .when().post("/api/v1/cli")
                .then().header("X-Gantry-Exit-Code", "1")
                .body(equalTo("error: the app name 'shop' is taken. Pick another name\n"));
    }

    @Test
    void refusesBadAppNamesWithTheRuleAndCreatesNothing() throws IOException {
        for (String bad : new String[] {"My_App", "-app", "app-", "a.b", "аpp", "a".repeat(31), "app;id", "gantry"}) {
            cli().queryParam("arg", "apps:create").queryParam("arg", bad)
                    .when().post("/api/v1/cli")
                    .then().header("X-Gantry-Exit-Code", "1")
                    .body(containsString("error: '" + bad + "' is"));
        }
        cli().queryParam("arg", "apps:list")
                .when().post("/api/v1/cli")
                .then().body(not(containsString("app;id")));
    }

    @Test
    void addsAKeyFromStdinAndRefusesGarbage() throws Exception {
        Path dir = Files.createTempDirectory("key");
        Process keygen = new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f",
                dir.resolve("id").toString()).inheritIO().start();
        assertEquals(0, keygen.waitFor());
        cli().queryParam("arg", "users:add").queryParam("arg", "alice")
                .when().post("/api/v1/cli")
                .then().header("X-Gantry-Exit-Code", "0");
        cli().queryParam("arg", "keys:add").queryParam("arg", "--user").queryParam("arg", "alice")
                .body(Files.readAllBytes(dir.resolve("id.pub")))
                .when().post("/api/v1/cli")
                .then().header("X-Gantry-Exit-Code", "0")
                .body(containsString("Added key SHA256:"));

        cli().queryParam("arg", "keys:add").queryParam("arg", "--user").queryParam("arg", "nobody")
                .body(Files.readAllBytes(dir.resolve("id.pub")))
                .when().post("/api/v1/cli")
                .then().header("X-Gantry-Exit-Code", "1")
                .body(containsString("no user named 'nobody'"));

        cli().queryParam("arg", "keys:add").body("-----BEGIN OPENSSH PRIVATE KEY-----\nxyz\n".getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/cli")
                .then().header("X-Gantry-Exit-Code", "1")
                .body(containsString("Pass the .pub file"));

        cli().queryParam("arg", "keys:list")
                .when().post("/api/v1/cli")
                .then().body(containsString("alice")).body(not(containsString("nobody")));
    }

    @Test
    void unknownCommandsAndMissingArgumentsSayWhatToDo() throws IOException {
        cli().queryParam("arg", "apps:explode")
                .when().post("/api/v1/cli")
                .then().header("X-Gantry-Exit-Code", "1")
                .body(equalTo("error: unknown command 'apps:explode'. Run 'help' to list the commands\n"));

        cli().queryParam("arg", "apps:info")
                .when().post("/api/v1/cli")
                .then().header("X-Gantry-Exit-Code", "1")
                .body(equalTo("error: missing the app name. Usage: apps:info APP\n"));

        cli().queryParam("arg", "apps:destroy").queryParam("arg", "nothere")
                .when().post("/api/v1/cli")
                .then().header("X-Gantry-Exit-Code", "1")
                .body(containsString("app 'nothere' does not exist"));
    }

    private RequestSpecification cli() throws IOException {
        String token = Files.readString(config.home().resolve("cli-token")).trim();
        return given().header("Authorization", "Bearer " + token).contentType("application/octet-stream");
    }
}
