package dev.gantry.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One request as a handler sees it: its path parameters, its query, and its body read as JSON. */
public final class ServiceRequest {

    private final HttpExchange exchange;
    private final Map<String, String> parameters;
    private final int maxBodyBytes;

    ServiceRequest(HttpExchange exchange, Map<String, String> parameters, int maxBodyBytes) {
        this.exchange = exchange;
        this.parameters = parameters;
        this.maxBodyBytes = maxBodyBytes;
    }

    public String method() {
        return exchange.getRequestMethod();
    }

    /** The path as sent, still percent-encoded. */
    public String path() {
        return exchange.getRequestURI().getRawPath();
    }

    /** The decoded value of the template's {@code {name}}. */
    public String parameter(String name) {
        String value = parameters.get(name);
        if (value == null) {
            throw new IllegalStateException("the path template has no {" + name + "}");
        }
        return value;
    }

    /** The first value of query parameter {@code name}, decoded. */
    public Optional<String> query(String name) {
        List<String> values = queries(name);
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** Every value of query parameter {@code name}, decoded, in order ({@code ?label=a&label=b}). */
    public List<String> queries(String name) {
        List<String> values = new ArrayList<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0 && decode(pair.substring(0, equals)).equals(name)) {
                    values.add(decode(pair.substring(equals + 1)));
                }
            }
        }
        return values;
    }

    /** The body as a {@code type}; 400 naming what was wrong when it is not one, 413 over the limit. */
    public <T> T body(Class<T> type) {
        return body(ServiceJson.MAPPER.constructType(type));
    }

    public <T> T body(TypeReference<T> type) {
        return body(ServiceJson.MAPPER.getTypeFactory().constructType(type));
    }

    private <T> T body(JavaType type) {
        try {
            T value = ServiceJson.MAPPER.readValue(bytes(), type);
            if (value == null) {
                throw new ServiceProblem(400, "the body is not what this request takes: null");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new ServiceProblem(400, "the body is not what this request takes: " + ServiceJson.describe(e));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] bytes() throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(maxBodyBytes + 1);
            if (body.length > maxBodyBytes) {
                throw new ServiceProblem(413, "the body is over " + maxBodyBytes + " bytes");
            }
            return body;
        }
    }

    private static String decode(String raw) {
        return URLDecoder.decode(raw, StandardCharsets.UTF_8);
    }
}
