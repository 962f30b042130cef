package dev.gantry.control.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.gantry.control.GantryConfig;
import dev.gantry.control.GantryTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** The admin-only REST operations that stand for admin commands refuse a member as the commands do. */
@QuarkusTest
@QuarkusTestResource(GantryTestResource.class)
class AdminResourceTest {

    @Inject
    GantryConfig config;

    @Test
    void aMemberMayNotRebuildStacksOrRotateTheConfigKey() throws IOException {
        admin().contentType("application/json").body("{\"name\": \"mona\"}").post("/api/v1/users").then().statusCode(201);
        String token = admin().contentType("application/json").body("{\"name\": \"ci\"}")
                .queryParam("user", "mona").post("/api/v1/tokens").then().statusCode(201).extract().path("token");
        RequestSpecification mona = given().header("Authorization", "Bearer " + token);

        mona.post("/api/v1/stacks/rebuild").then().statusCode(403).contentType("application/problem+json")
                .body("detail", equalTo("stacks:rebuild is for admins only. Ask an admin to run it"));
        given().header("Authorization", "Bearer " + token).post("/api/v1/system/config-key/rotate").then()
                .statusCode(403).body("detail", equalTo("config:rotate-key is for admins only. Ask an admin to run it"));
    }

    @Test
    void anUnknownStackIsNamedWithTheKnownOnes() throws IOException {
        admin().queryParam("stack", "cobol").post("/api/v1/stacks/rebuild").then().statusCode(422)
                .contentType("application/problem+json").body("detail", containsString("unknown stack 'cobol'. Use one of"));
    }

    private RequestSpecification admin() throws IOException {
        return given().header("Authorization", "Bearer " + Files.readString(config.home().resolve("cli-token")).trim());
    }
}
