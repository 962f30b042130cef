package dev.gantry.node.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.transport.DockerHttpClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The engine's HTTP API spoken as JSON, for what docker-java's models lack: its report of disk use,
 * and Swarm's newer fields (a service's capabilities and pids limit, the ports a task published).
 * Paths carry no API version, so the engine answers in its own newest one. An engine's refusal comes
 * back as docker-java's exceptions ({@link NotFoundException} for 404, {@link ConflictException} for
 * 409), with the engine's message, so callers and {@link EngineFailures} treat both paths alike.
 */
final class EngineApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DockerHttpClient http;
    private final String dockerHost;

    EngineApi(DockerHttpClient http, String dockerHost) {
        this.http = http;
        this.dockerHost = dockerHost;
    }

    JsonNode get(String path) {
        return send(DockerHttpClient.Request.Method.GET, path, null, Map.of());
    }

    JsonNode post(String path, JsonNode body, Map<String, String> headers) {
        return send(DockerHttpClient.Request.Method.POST, path, body, headers);
    }

    void delete(String path) {
        send(DockerHttpClient.Request.Method.DELETE, path, null, Map.of());
    }

    /** {@code path?filters=...}: the engine's filters, each key matching any of its values. */
    static String filtered(String path, Map<String, List<String>> filters) {
        try {
            return path + "?filters=" + URLEncoder.encode(JSON.writeValueAsString(filters), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode send(DockerHttpClient.Request.Method method, String path, JsonNode body, Map<String, String> headers) {
        DockerHttpClient.Request.Builder request = DockerHttpClient.Request.builder().method(method).path(path)
                .headers(headers);
        try {
            if (body != null) {
                request.putHeader("Content-Type", "application/json").bodyBytes(JSON.writeValueAsBytes(body));
            }
            try (DockerHttpClient.Response response = http.execute(request.build())) {
                byte[] answer = response.getBody().readAllBytes();
                int status = response.getStatusCode();
                if (status >= 400) {
                    throw refusal(status, answer);
                }
                return answer.length == 0 ? MissingNode.getInstance() : JSON.readTree(answer);
            }
        } catch (IOException e) {
            throw EngineFailures.translate(new UncheckedIOException(e), dockerHost);
        } catch (DockerException refused) {
            throw refused;
        } catch (RuntimeException e) {
            throw EngineFailures.translate(e, dockerHost);
        }
    }

    private static DockerException refusal(int status, byte[] answer) {
        String message;
        try {
            message = JSON.readTree(answer).path("message").asText(new String(answer, StandardCharsets.UTF_8));
        } catch (IOException notJson) {
            message = new String(answer, StandardCharsets.UTF_8);
        }
        return switch (status) {
            case 404 -> new NotFoundException(message);
            case 409 -> new ConflictException(message);
            default -> new DockerException(message, status);
        };
    }
}
