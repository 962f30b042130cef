package dev.gantry.control.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;

import dev.gantry.control.GantryTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Opening the host's port in a browser leads to the console; the console's own files still serve. */
@QuarkusTest
@QuarkusTestResource(GantryTestResource.class)
class RootResourceTest {

    @Test
    void theRootRedirectsToTheConsoleWhichAsksToSignIn() {
        given().redirects().follow(false).get("/")
                .then().statusCode(303).header("Location", endsWith("/console"));
        given().get("/")
                .then().statusCode(200).body(containsString("id=\"sign-in\""));
    }

    @Test
    void theConsolesAssetsAreStillServed() {
        given().get("/console/assets/console.js").then().statusCode(200).body(containsString("'use strict';"));
    }
}
