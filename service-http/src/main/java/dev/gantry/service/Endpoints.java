package dev.gantry.service;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The route table of an internal service, declared once: a method, a path template whose
 * {@code {name}} segments are parameters (one whole, non-empty segment each), and its handler.
 *
 * <pre>
 * Endpoints.builder()
 *         .get("/v1/instances/{container}", request -> ServiceResponse.json(find(request.parameter("container"))))
 *         .put("/v1/instances/{name}", this::place)
 *         .build();
 * </pre>
 *
 * A path no template matches is 404; a path that templates match for other methods only is 405 with
 * {@code Allow}. Templates are tried in the order declared, so a literal declared first wins over a
 * parameter in the same place.
 */
public final class Endpoints {

    /** What answers one endpoint. Throw {@link ServiceProblem} to answer with a problem. */
    @FunctionalInterface
    public interface Handler {
        ServiceResponse handle(ServiceRequest request);
    }

    private record Endpoint(String method, String template, String[] segments, Handler handler) {
    }

    /** The endpoint a request is for, with its path parameters decoded. */
    record Match(Handler handler, Map<String, String> parameters) {
    }

    private final List<Endpoint> endpoints;

    private Endpoints(List<Endpoint> endpoints) {
        this.endpoints = List.copyOf(endpoints);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The endpoint for {@code method} and {@code rawPath} (still percent-encoded); 404 or 405 otherwise. */
    Match match(String method, String rawPath) {
        String[] path = rawPath.split("/", -1);
        List<String> allowed = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            Map<String, String> parameters = parameters(endpoint.segments(), path);
            if (parameters == null) {
                continue;
            }
            if (endpoint.method().equals(method)) {
                return new Match(endpoint.handler(), parameters);
            }
            if (!allowed.contains(endpoint.method())) {
                allowed.add(endpoint.method());
            }
        }
        if (allowed.isEmpty()) {
            throw new ServiceProblem(404, "no such resource: " + rawPath);
        }
        throw ServiceProblem.methodNotAllowed(method, allowed);
    }

    /** The parameters when {@code path} fits {@code template}, null when it does not. */
    private static Map<String, String> parameters(String[] template, String[] path) {
        if (template.length != path.length) {
            return null;
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < template.length; i++) {
            if (isParameter(template[i])) {
                if (path[i].isEmpty()) {
                    return null;
                }
                parameters.put(template[i].substring(1, template[i].length() - 1),
                        URLDecoder.decode(path[i], StandardCharsets.UTF_8));
            } else if (!template[i].equals(path[i])) {
                return null;
            }
        }
        return parameters;
    }

    private static boolean isParameter(String segment) {
        return segment.length() > 2 && segment.startsWith("{") && segment.endsWith("}");
    }

    public static final class Builder {

        private final List<Endpoint> endpoints = new ArrayList<>();

        private Builder() {
        }

        public Builder get(String template, Handler handler) {
            return on("GET", template, handler);
        }

        public Builder put(String template, Handler handler) {
            return on("PUT", template, handler);
        }

        public Builder post(String template, Handler handler) {
            return on("POST", template, handler);
        }

        public Builder delete(String template, Handler handler) {
            return on("DELETE", template, handler);
        }

        public Builder on(String method, String template, Handler handler) {
            Objects.requireNonNull(handler, "handler");
            if (!template.startsWith("/") || template.contains("?")) {
                throw new IllegalArgumentException("a path template starts with / and has no query, was '" + template + "'");
            }
            for (Endpoint endpoint : endpoints) {
                if (endpoint.method().equals(method) && endpoint.template().equals(template)) {
                    throw new IllegalArgumentException(method + " " + template + " is declared twice");
                }
            }
            endpoints.add(new Endpoint(method, template, template.split("/", -1), handler));
            return this;
        }

        public Endpoints build() {
            return new Endpoints(endpoints);
        }
    }
}
