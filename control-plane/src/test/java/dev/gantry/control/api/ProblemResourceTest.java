package dev.gantry.control.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gantry.control.GantryConfig;
import dev.gantry.control.GantryTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Requests the framework refuses before any resource runs still get a problem document (and an audit
 * line); a name no app can have is called invalid.
 */
@QuarkusTest
@QuarkusTestResource(GantryTestResource.class)
class ProblemResourceTest {

    @Inject
    GantryConfig config;

    @Test
    void aBodyOfAnotherTypeIsA415ThatSaysWhatToSendAndIsAudited() throws Exception {
        admin().contentType("application/json").body("{\"name\": \"some-app\"}").post("/api/v1/apps")
                .then().statusCode(201);
        admin().contentType("text/plain").body("hello").post("/api/v1/apps/some-app/builds")
                .then().statusCode(415).contentType("application/problem+json")
                .body("detail", equalTo("Content-Type 'text/plain' is not read here. Send JSON with Content-Type:"
                        + " application/json; a build upload takes application/gzip"));

        // Written from a worker, since the refusal was answered on the event loop: wait a little for it.
        Instant deadline = Instant.now().plusSeconds(10);
        List<String> results = List.of();
        while (results.isEmpty() && Instant.now().isBefore(deadline)) {
            results = admin().queryParam("app", "some-app").get("/api/v1/audit").then().statusCode(200)
                    .extract().jsonPath().getList("findAll { it.action == 'POST /api/v1/apps/some-app/builds' }.result");
            Thread.sleep(100);
        }
        assertEquals(List.of("refused (415)"), results);
    }

    @Test
    void anInvalidAppNameIsCalledInvalidAndNeverOfferedBackAsACommand() throws Exception {
        String rule = "App names are 1-30 lowercase letters, digits and hyphens, starting and ending with a letter or digit.";

        admin().urlEncodingEnabled(false).get("/api/v1/apps/%2e%2e%2f%2e%2e%2fetc")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("'../../etc' is not a valid app name. " + rule));
        admin().urlEncodingEnabled(false).get("/api/v1/apps/My_App/releases")
                .then().statusCode(400).body("detail", equalTo("'My_App' is not a valid app name. " + rule));
        admin().contentType("application/octet-stream").queryParam("arg", "ps").queryParam("arg", "../../etc")
                .post("/api/v1/cli")
                .then().header("X-Gantry-Exit-Code", "1")
                .body(equalTo("error: '../../etc' is not a valid app name. " + rule + "\n"));
        admin().get("/api/v1/apps/no-such-app")
                .then().statusCode(404).body("detail", containsString("Create it with apps:create no-such-app"));
    }

    private RequestSpecification admin() throws IOException {
        return given().header("Authorization", "Bearer " + Files.readString(config.home().resolve("cli-token")).trim());
    }
}
