package dev.gantry.control.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
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

/** Idempotency keys and the OpenAPI document against the real database, without an engine. */
@QuarkusTest
@QuarkusTestResource(GantryTestResource.class)
class IdempotencyResourceTest {

    @Inject
    GantryConfig config;

    @Test
    void aTokenCreatedWithAKeyIsCreatedOnceAndItsAnswerRepeated() throws IOException {
        Response first = admin().header("Idempotency-Key", "token-once").contentType("application/json")
                .body("{\"name\": \"deploys\"}").post("/api/v1/tokens");
        first.then().statusCode(201);

        Response again = admin().header("Idempotency-Key", "token-once").contentType("application/json")
                .body("{\"name\": \"deploys\"}").post("/api/v1/tokens");

        again.then().statusCode(201).header("Idempotent-Replayed", "true");
        assertEquals(first.asString(), again.asString(), "the same token, not a second one");
        admin().contentType("application/json").body("{\"name\": \"deploys\"}").post("/api/v1/tokens")
                .then().statusCode(409);
    }

    @Test
    void aFailedRequestDoesNotKeepItsKey() throws IOException {
        admin().header("Idempotency-Key", "retry-me").contentType("application/json").body("{\"name\": \"Bad Name\"}")
                .post("/api/v1/apps").then().statusCode(422);

        admin().header("Idempotency-Key", "retry-me").contentType("application/json").body("{\"name\": \"idem-app\"}")
                .post("/api/v1/apps").then().statusCode(201).header("Idempotent-Replayed", (String) null)
                .body("name", equalTo("idem-app"));
        admin().header("Idempotency-Key", "retry-me").contentType("application/json").body("{\"name\": \"idem-app\"}")
                .post("/api/v1/apps").then().statusCode(201).header("Idempotent-Replayed", "true");
        admin().header("Idempotency-Key", "retry-me").contentType("application/json").body("{\"name\": \"x\"}")
                .post("/api/v1/users").then().statusCode(422).contentType("application/problem+json")
                .body("detail", containsString("was used for POST /api/v1/apps"));
    }

    @Test
    void theOpenApiDocumentIsServedWithoutAToken() {
        given().queryParam("format", "json").get("/api/v1/openapi").then().statusCode(200)
                .body("paths", hasKey("/api/v1/apps/{app}/builds"))
                .body("components.schemas", hasKey("Problem"))
                .body("paths.'/api/v1/apps/{app}/rollback'.post.parameters.name", hasItem("Idempotency-Key"))
                .body("paths.'/api/v1/apps/{app}/releases'.get.responses.'200'.content.'application/json'.schema.type",
                        equalTo("array"));
    }

    private RequestSpecification admin() throws IOException {
        return given().header("Authorization", "Bearer " + Files.readString(config.home().resolve("cli-token")).trim());
    }
}
