package dev.gantry.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The route table alone: which endpoint a method and path reach, and what a miss answers. */
class EndpointsTest {

    private static final Endpoints.Handler NONE = request -> ServiceResponse.noContent();

    private final Endpoints endpoints = Endpoints.builder()
            .get("/v1/instances", NONE)
            .get("/v1/instances/{container}", NONE)
            .put("/v1/instances/{name}", NONE)
            .put("/v1/apps/{app}/instances", NONE)
            .build();

    @Test
    void parametersAreWholeSegmentsDecoded() {
        assertEquals(Map.of("container", "shop web+1"), endpoints.match("GET", "/v1/instances/shop%20web%2B1").parameters());
        assertEquals(Map.of("name", "x"), endpoints.match("PUT", "/v1/instances/x").parameters());
        assertEquals(Map.of("app", "shop"), endpoints.match("PUT", "/v1/apps/shop/instances").parameters());
        assertEquals(Map.of(), endpoints.match("GET", "/v1/instances").parameters());
    }

    @Test
    void aMissIs404AndAnotherMethodIs405NamingTheAllowedOnes() {
        for (String path : List.of("/v1/instances/", "/v1/instances/a/b", "/v1/apps//instances", "/v2/instances")) {
            assertEquals(404, assertThrows(ServiceProblem.class, () -> endpoints.match("GET", path)).status(), path);
        }
        ServiceProblem delete = assertThrows(ServiceProblem.class, () -> endpoints.match("DELETE", "/v1/instances/x"));
        assertEquals(405, delete.status());
        assertEquals(List.of("GET", "PUT"), delete.allowed());
    }

    @Test
    void aTemplateIsDeclaredOnce() {
        Endpoints.Builder builder = Endpoints.builder().get("/v1/status", NONE);
        assertThrows(IllegalArgumentException.class, () -> builder.get("/v1/status", NONE));
        assertThrows(IllegalArgumentException.class, () -> builder.get("v1/other", NONE));
    }
}
