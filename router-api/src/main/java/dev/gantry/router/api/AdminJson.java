package dev.gantry.router.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.gantry.service.ServiceJson;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The JSON of the router's admin interface, for both ends, and of its saved table: records read and
 * written with {@link ServiceJson}. Routes carry their certificates' private keys: both places are the
 * router's own (token, file mode 0600). A record's {@code read} checks what its type cannot and names
 * the offending field in the {@link IllegalArgumentException}.
 */
public final class AdminJson {

    public static final TypeReference<Map<String, RouteJson>> ROUTES = new TypeReference<>() { };
    public static final TypeReference<Map<String, StatsJson>> STATS = new TypeReference<>() { };

    private AdminJson() {
    }

    /** {@code {"host": ..., "port": ...}}. */
    public record BackendJson(String host, Integer port) {

        public static List<BackendJson> of(Collection<Backend> backends) {
            return backends.stream().map(b -> new BackendJson(b.host(), b.port())).toList();
        }

        public static List<Backend> read(List<BackendJson> json, String field) {
            if (json == null) {
                throw new IllegalArgumentException(field + ": must be an array of {\"host\": ..., \"port\": ...}");
            }
            List<Backend> backends = new ArrayList<>(json.size());
            for (int i = 0; i < json.size(); i++) {
                String at = field + "[" + i + "]";
                if (json.get(i) == null) {
                    throw new IllegalArgumentException(at + ": must be an object {\"host\": ..., \"port\": ...}");
                }
                backends.add(json.get(i).read(at));
            }
            return backends;
        }

        Backend read(String field) {
            if (string(host, field + ".host").isBlank()) {
                throw new IllegalArgumentException(field + ".host: must not be blank");
            }
            if (port == null || port < 1 || port > 65535) {
                throw new IllegalArgumentException(field + ".port: must be a whole number 1..65535, was " + port);
            }
            return new Backend(host, port);
        }
    }

    /** {@code {"certificate": PEM, "key": PEM}}. */
    public record CertificateJson(String certificate, String key) {

        public static CertificateJson of(TlsCertificate certificate) {
            return new CertificateJson(certificate.certificatePem(), certificate.keyPem());
        }

        public static TlsCertificate read(CertificateJson json, String field) {
            if (json == null) {
                throw new IllegalArgumentException(field + ": must be an object {\"certificate\": PEM, \"key\": PEM}");
            }
            String certificate = string(json.certificate(), field + ".certificate");
            String key = string(json.key(), field + ".key");
            try {
                return TlsCertificate.fromPem(certificate, key);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(field + "." + e.getMessage(), e);
            }
        }
    }

    /** One app's route; {@code certificates} and {@code redirectHttps} may be missing (plain HTTP). */
    public record RouteJson(List<String> hostnames, List<BackendJson> backends, List<CertificateJson> certificates,
            Boolean redirectHttps) {

        public static RouteJson of(AppRoute route) {
            return new RouteJson(List.copyOf(new TreeSet<>(route.hostnames())), BackendJson.of(route.backends()),
                    route.certificates().stream().map(CertificateJson::of).toList(), route.redirectHttps());
        }

        public AppRoute read(String app) {
            return new AppRoute(app, hostnames(app + ".hostnames"), BackendJson.read(backends, app + ".backends"),
                    certificates(app + ".certificates"), Boolean.TRUE.equals(redirectHttps));
        }

        private Set<String> hostnames(String field) {
            if (hostnames == null) {
                throw new IllegalArgumentException(field + ": must be an array of host names");
            }
            Set<String> names = new LinkedHashSet<>();
            for (int i = 0; i < hostnames.size(); i++) {
                names.add(string(hostnames.get(i), field + "[" + i + "]"));
            }
            return names;
        }

        private List<TlsCertificate> certificates(String field) {
            List<TlsCertificate> read = new ArrayList<>();
            List<CertificateJson> json = certificates == null ? List.of() : certificates;
            for (int i = 0; i < json.size(); i++) {
                read.add(CertificateJson.read(json.get(i), field + "[" + i + "]"));
            }
            return read;
        }
    }

    /** Routes by app, in name order. */
    public static Map<String, RouteJson> routes(Map<String, AppRoute> routes) {
        Map<String, RouteJson> json = new TreeMap<>();
        routes.forEach((app, route) -> json.put(app, RouteJson.of(route)));
        return json;
    }

    public static Map<String, AppRoute> routes(Map<String, RouteJson> json, String field) {
        Map<String, AppRoute> routes = new TreeMap<>();
        json.forEach((app, route) -> {
            if (route == null) {
                throw new IllegalArgumentException(field + "." + app + ": must be an object");
            }
            routes.put(app, route.read(app));
        });
        return routes;
    }

    /** {@code PUT /admin/routes/{app}} answers with the backends that left the route. */
    public record Removed(List<BackendJson> removed) {
    }

    /** {@code POST /admin/drain}, answered with {@code {"drained": true}} once drained. */
    public record Drain(List<BackendJson> backends, Long timeoutMillis) {

        public Duration timeout() {
            if (timeoutMillis == null || timeoutMillis < 0) {
                throw new IllegalArgumentException("timeoutMillis: must be a whole number >= 0, was " + timeoutMillis);
            }
            return Duration.ofMillis(timeoutMillis);
        }
    }

    public record Drained(boolean drained) {
    }

    /** {@code GET /admin/health}: {@code {"status": "up", "port": 8080, "routes": N}}. */
    public record Health(String status, int port, int routes) {
    }

    /** One app's {@link AppStats} as {@code GET /admin/stats} shows it. */
    public record StatsJson(Responses responses, RouterErrors routerErrors, long clientAborts, long inFlight,
            List<BackendStatsJson> backends, List<Long> latencyBuckets) {

        public static StatsJson of(AppStats stats) {
            return new StatsJson(
                    new Responses(stats.responses2xx(), stats.responses3xx(), stats.responses4xx(), stats.responses5xx()),
                    new RouterErrors(stats.routerErrors502(), stats.routerErrors503(), stats.routerErrors504()),
                    stats.clientAborts(), stats.inFlight(),
                    stats.backends().stream().map(b -> new BackendStatsJson(b.backend().host(), b.backend().port(),
                            b.responses5xx(), b.connectFailures(), b.healthy())).toList(),
                    stats.latencyBuckets());
        }

        public AppStats read() {
            return new AppStats(responses.ok(), responses.redirected(), responses.refused(), responses.failed(),
                    routerErrors.badGateway(), routerErrors.unavailable(), routerErrors.timedOut(), clientAborts, inFlight,
                    backends.stream().map(b -> new BackendStats(new Backend(b.host(), b.port()), b.responses5xx(),
                            b.connectFailures(), b.healthy())).toList(), latencyBuckets);
        }
    }

    public record Responses(@JsonProperty("2xx") long ok, @JsonProperty("3xx") long redirected,
            @JsonProperty("4xx") long refused, @JsonProperty("5xx") long failed) {
    }

    public record RouterErrors(@JsonProperty("502") long badGateway, @JsonProperty("503") long unavailable,
            @JsonProperty("504") long timedOut) {
    }

    public record BackendStatsJson(String host, int port, long responses5xx, long connectFailures, boolean healthy) {
    }

    public static Map<String, StatsJson> stats(Map<String, AppStats> stats) {
        Map<String, StatsJson> json = new TreeMap<>();
        stats.forEach((app, s) -> json.put(app, StatsJson.of(s)));
        return json;
    }

    private static String string(String value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + ": must be a string, was null");
        }
        return value;
    }
}
