package dev.gantry.service;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a handler answers: a status, and JSON, text or nothing. */
public final class ServiceResponse {

    private final int status;
    private final String contentType;
    private final byte[] body;
    private final Map<String, String> headers = new LinkedHashMap<>();

    private ServiceResponse(int status, String contentType, byte[] body) {
        this.status = status;
        this.contentType = contentType;
        this.body = body;
    }

    /** 200 with {@code value} as JSON. */
    public static ServiceResponse json(Object value) {
        return json(200, value);
    }

    public static ServiceResponse json(int status, Object value) {
        return new ServiceResponse(status, "application/json", ServiceJson.bytes(value));
    }

    /** 204. */
    public static ServiceResponse noContent() {
        return new ServiceResponse(204, null, null);
    }

    /** 200 with {@code text} as {@code contentType} (name its charset: the text is sent as UTF-8). */
    public static ServiceResponse text(String contentType, String text) {
        return new ServiceResponse(200, contentType, text.getBytes(StandardCharsets.UTF_8));
    }

    static ServiceResponse problem(ServiceProblem problem) {
        ServiceResponse response = new ServiceResponse(problem.status(), "application/problem+json",
                ServiceJson.bytes(new ServiceProblem.Details(problem.title(), problem.status(), problem.detail())));
        if (!problem.allowed().isEmpty()) {
            response.headers.put("Allow", String.join(", ", problem.allowed()));
        }
        return response;
    }

    ServiceResponse header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    int status() {
        return status;
    }

    String contentType() {
        return contentType;
    }

    /** Null for no body at all. */
    byte[] body() {
        return body;
    }

    Map<String, String> headers() {
        return headers;
    }
}
