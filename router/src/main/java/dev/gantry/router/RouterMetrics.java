package dev.gantry.router;

import dev.gantry.router.api.AppStats;
import dev.gantry.router.api.Backend;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;

/** Every app's counters, plus requests no app answered; renders the Prometheus text format. */
final class RouterMetrics {

    private final Map<String, AppMetrics> apps = new ConcurrentHashMap<>();
    private final LongAdder unrouted = new LongAdder();

    AppMetrics forApp(String app) {
        AppMetrics metrics = apps.get(app);
        return metrics != null ? metrics : apps.computeIfAbsent(app, AppMetrics::new);
    }

    void unrouted() {
        unrouted.increment();
    }

    long inFlight() {
        return apps.values().stream().mapToLong(AppMetrics::inFlight).sum();
    }

    Map<String, AppStats> snapshot(Predicate<Backend> healthy) {
        Map<String, AppStats> stats = new TreeMap<>();
        apps.forEach((app, metrics) -> stats.put(app, metrics.snapshot(healthy)));
        return Map.copyOf(stats);
    }

    /** The Prometheus text exposition format, version 0.0.4. */
    String prometheus(Predicate<Backend> healthy) {
        Map<String, AppMetrics> sorted = new TreeMap<>(apps);
        StringBuilder out = new StringBuilder(1024);
        header(out, "gantry_router_requests_total", "counter",
                "Responses sent to clients, by app and status class (the router's own error pages included).");
        String[] classes = {"2xx", "3xx", "4xx", "5xx"};
        sorted.forEach((app, metrics) -> {
            AppStats stats = metrics.snapshot(healthy);
            long[] counts = {stats.responses2xx(), stats.responses3xx(), stats.responses4xx(), stats.responses5xx()};
            for (int i = 0; i < classes.length; i++) {
                out.append("gantry_router_requests_total{app=\"").append(escape(app)).append("\",class=\"")
                        .append(classes[i]).append("\"} ").append(counts[i]).append('\n');
            }
        });
        header(out, "gantry_router_errors_total", "counter",
                "Error pages the router wrote itself: 502 unreachable, 503 no backends, 504 timed out or drained.");
        sorted.forEach((app, metrics) -> {
            AppStats stats = metrics.snapshot(healthy);
            long[] counts = {stats.routerErrors502(), stats.routerErrors503(), stats.routerErrors504()};
            for (int i = 0; i < counts.length; i++) {
                out.append("gantry_router_errors_total{app=\"").append(escape(app)).append("\",status=\"")
                        .append(502 + i).append("\"} ").append(counts[i]).append('\n');
            }
        });
        header(out, "gantry_router_client_aborts_total", "counter", "Requests whose client left before the response was complete.");
        sorted.forEach((app, metrics) -> sample(out, "gantry_router_client_aborts_total", app, metrics.snapshot(healthy).clientAborts()));
        header(out, "gantry_router_in_flight", "gauge", "Requests being answered now.");
        sorted.forEach((app, metrics) -> sample(out, "gantry_router_in_flight", app, metrics.inFlight()));
        header(out, "gantry_router_request_duration_seconds", "histogram",
                "Time from the request's arrival to the end of its response.");
        sorted.forEach((app, metrics) -> histogram(out, app, metrics));
        header(out, "gantry_router_backend_responses_5xx_total", "counter", "5xx responses sent by the backend itself.");
        header(out, "gantry_router_backend_connect_failures_total", "counter", "Connections the backend refused or timed out.");
        header(out, "gantry_router_backend_up", "gauge", "1 while the backend is in rotation, 0 after a failed connection until it answers again.");
        sorted.forEach((app, metrics) -> metrics.snapshot(healthy).backends().forEach(b -> {
            String labels = "{app=\"" + escape(app) + "\",backend=\"" + escape(b.backend().toString()) + "\"} ";
            out.append("gantry_router_backend_responses_5xx_total").append(labels).append(b.responses5xx()).append('\n');
            out.append("gantry_router_backend_connect_failures_total").append(labels).append(b.connectFailures()).append('\n');
            out.append("gantry_router_backend_up").append(labels).append(b.healthy() ? 1 : 0).append('\n');
        }));
        header(out, "gantry_router_unrouted_requests_total", "counter", "Requests whose Host no app answers on (404) or that had no Host (400).");
        out.append("gantry_router_unrouted_requests_total ").append(unrouted.sum()).append('\n');
        return out.toString();
    }

    private static void histogram(StringBuilder out, String app, AppMetrics metrics) {
        long[] cumulative = metrics.cumulativeLatency();
        String label = escape(app);
        for (int i = 0; i < AppMetrics.BUCKETS.length; i++) {
            out.append("gantry_router_request_duration_seconds_bucket{app=\"").append(label).append("\",le=\"")
                    .append(AppMetrics.BUCKETS[i]).append("\"} ").append(cumulative[i]).append('\n');
        }
        long count = cumulative[cumulative.length - 1];
        out.append("gantry_router_request_duration_seconds_bucket{app=\"").append(label).append("\",le=\"+Inf\"} ")
                .append(count).append('\n');
        out.append("gantry_router_request_duration_seconds_sum{app=\"").append(label).append("\"} ")
                .append(metrics.latencySeconds()).append('\n');
        out.append("gantry_router_request_duration_seconds_count{app=\"").append(label).append("\"} ")
                .append(count).append('\n');
    }

    private static void header(StringBuilder out, String name, String type, String help) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private static void sample(StringBuilder out, String name, String app, long value) {
        out.append(name).append("{app=\"").append(escape(app)).append("\"} ").append(value).append('\n');
    }

    // Label values escape backslash, double quote and line feed.
    static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
