package dev.gantry.router;

import dev.gantry.router.api.AppRoute;
import dev.gantry.router.api.AppStats;
import dev.gantry.router.api.Backend;
import dev.gantry.router.api.BackendStats;
import dev.gantry.router.api.TlsCertificate;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The JSON shapes of the admin interface and the state file, in one place for both ends. Routes carry
 * their certificates' private keys: both places are the router's own (token, file mode 0600). Vert.x's
 * own JSON types, so the standalone router needs no Jackson databind. Reading validates and names the
 * offending field in the {@link IllegalArgumentException}.
 */
final class AdminJson {

    private AdminJson() {
    }

    static JsonArray backends(Collection<Backend> backends) {
        JsonArray array = new JsonArray();
        backends.forEach(b -> array.add(new JsonObject().put("host", b.host()).put("port", b.port())));
        return array;
    }

    static List<Backend> backends(Object json, String field) {
        if (!(json instanceof JsonArray array)) {
            throw new IllegalArgumentException(field + ": must be an array of {\"host\": ..., \"port\": ...}");
        }
        List<Backend> backends = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            String at = field + "[" + i + "]";
            if (!(array.getValue(i) instanceof JsonObject backend)) {
                throw new IllegalArgumentException(at + ": must be an object {\"host\": ..., \"port\": ...}");
            }
            String host = string(backend.getValue("host"), at + ".host");
            if (host.isBlank()) {
                throw new IllegalArgumentException(at + ".host: must not be blank");
            }
            Object port = backend.getValue("port");
            if (!(port instanceof Integer number) || number < 1 || number > 65535) {
                throw new IllegalArgumentException(at + ".port: must be a whole number 1..65535, was " + port);
            }
            backends.add(new Backend(host, number));
        }
        return backends;
    }

    static Set<String> hostnames(Object json, String field) {
        if (!(json instanceof JsonArray array)) {
            throw new IllegalArgumentException(field + ": must be an array of host names");
        }
        Set<String> hostnames = new LinkedHashSet<>();
        for (int i = 0; i < array.size(); i++) {
            hostnames.add(string(array.getValue(i), field + "[" + i + "]"));
        }
        return hostnames;
    }

    static JsonObject route(AppRoute route) {
        JsonArray certificates = new JsonArray();
        route.certificates().forEach(certificate -> certificates.add(certificate(certificate)));
        return new JsonObject()
                .put("hostnames", new JsonArray(new ArrayList<>(new TreeSet<>(route.hostnames()))))
                .put("backends", backends(route.backends()))
                .put("certificates", certificates)
                .put("redirectHttps", route.redirectHttps());
    }

    /** Reads a route; {@code certificates} and {@code redirectHttps} may be missing (plain HTTP). */
    static AppRoute route(String app, JsonObject json) {
        Object redirect = json.getValue("redirectHttps", false);
        if (!(redirect instanceof Boolean redirectHttps)) {
            throw new IllegalArgumentException(app + ".redirectHttps: must be true or false, was " + redirect);
        }
        return new AppRoute(app, hostnames(json.getValue("hostnames"), app + ".hostnames"),
                backends(json.getValue("backends"), app + ".backends"),
                certificates(json.getValue("certificates", new JsonArray()), app + ".certificates"), redirectHttps);
    }

    static JsonObject certificate(TlsCertificate certificate) {
        return new JsonObject().put("certificate", certificate.certificatePem()).put("key", certificate.keyPem());
    }

    static TlsCertificate certificate(Object json, String field) {
        if (!(json instanceof JsonObject object)) {
            throw new IllegalArgumentException(field + ": must be an object {\"certificate\": PEM, \"key\": PEM}");
        }
        try {
            return TlsCertificate.fromPem(string(object.getValue("certificate"), field + ".certificate"),
                    string(object.getValue("key"), field + ".key"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + "." + e.getMessage(), e);
        }
    }

    private static List<TlsCertificate> certificates(Object json, String field) {
        if (!(json instanceof JsonArray array)) {
            throw new IllegalArgumentException(field + ": must be an array of {\"certificate\": PEM, \"key\": PEM}");
        }
        List<TlsCertificate> certificates = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            certificates.add(certificate(array.getValue(i), field + "[" + i + "]"));
        }
        return certificates;
    }

    static JsonObject routes(Map<String, AppRoute> routes) {
        JsonObject json = new JsonObject();
        new TreeMap<>(routes).forEach((app, route) -> json.put(app, route(route)));
        return json;
    }

    static Map<String, AppRoute> routes(JsonObject json) {
        Map<String, AppRoute> routes = new TreeMap<>();
        for (String app : json.fieldNames()) {
            if (!(json.getValue(app) instanceof JsonObject route)) {
                throw new IllegalArgumentException("routes." + app + ": must be an object");
            }
            routes.put(app, route(app, route));
        }
        return routes;
    }

    static JsonObject stats(Map<String, AppStats> stats) {
        JsonObject json = new JsonObject();
        new TreeMap<>(stats).forEach((app, s) -> {
            JsonArray backends = new JsonArray();
            s.backends().forEach(b -> backends.add(new JsonObject()
                    .put("host", b.backend().host()).put("port", b.backend().port())
                    .put("responses5xx", b.responses5xx()).put("connectFailures", b.connectFailures())
                    .put("healthy", b.healthy())));
            json.put(app, new JsonObject()
                    .put("responses", new JsonObject().put("2xx", s.responses2xx()).put("3xx", s.responses3xx())
                            .put("4xx", s.responses4xx()).put("5xx", s.responses5xx()))
                    .put("routerErrors", new JsonObject().put("502", s.routerErrors502())
                            .put("503", s.routerErrors503()).put("504", s.routerErrors504()))
                    .put("clientAborts", s.clientAborts())
                    .put("inFlight", s.inFlight())
                    .put("backends", backends));
        });
        return json;
    }

    static Map<String, AppStats> stats(JsonObject json) {
        Map<String, AppStats> stats = new TreeMap<>();
        for (String app : json.fieldNames()) {
            JsonObject s = json.getJsonObject(app);
            JsonObject responses = s.getJsonObject("responses");
            JsonObject errors = s.getJsonObject("routerErrors");
            List<BackendStats> backends = new ArrayList<>();
            for (Object item : s.getJsonArray("backends")) {
                JsonObject b = (JsonObject) item;
                backends.add(new BackendStats(new Backend(b.getString("host"), b.getInteger("port")),
                        b.getLong("responses5xx"), b.getLong("connectFailures"), b.getBoolean("healthy")));
            }
            stats.put(app, new AppStats(responses.getLong("2xx"), responses.getLong("3xx"), responses.getLong("4xx"),
                    responses.getLong("5xx"), errors.getLong("502"), errors.getLong("503"), errors.getLong("504"),
                    s.getLong("clientAborts"), s.getLong("inFlight"), backends));
        }
        return stats;
    }

    private static String string(Object value, String field) {
        if (!(value instanceof String text)) {
            throw new IllegalArgumentException(field + ": must be a string, was " + value);
        }
        return text;
    }
}
