package dev.gantry.control.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gantry.control.users.Authorization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;

/** The REST API of a running Gantry as an automation client uses it: JSON, the admin token as bearer. */
final class GantryApi {

    private final GantryProcess gantry;
    private final HttpClient http = HttpClient.newHttpClient();

    GantryApi(GantryProcess gantry) {
        this.gantry = gantry;
    }

    HttpResponse<String> get(String path) {
        return send("GET", path, null, true);
    }

    HttpResponse<String> send(String method, String path, String json) {
        return send(method, path, json, true);
    }

    /** {@code path} is below {@code /api/v1}. */
    HttpResponse<String> send(String method, String path, String json, boolean withToken) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gantry.apiPort
                + "/api/v1" + path)).timeout(Duration.ofSeconds(60))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            if (withToken) {
                request.header("Authorization", "Bearer " + Files.readString(gantry.home.resolve("cli-token")).trim());
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void assertProblem(HttpResponse<String> response, int status, String mentioned) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
        assertTrue(response.body().contains(mentioned), response.body());
    }
}
