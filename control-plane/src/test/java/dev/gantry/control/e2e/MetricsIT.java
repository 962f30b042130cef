package dev.gantry.control.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * An app's metrics as its owner sees them, from real traffic through the router and the engine's
 * readings of its instance: the JSON of the REST call, {@code metrics APP} over SSH, and the Metrics
 * tab in Chromium, each with the deploy and the config change marked; and the control plane's own
 * Prometheus figures. Gantry samples every 2 s here (every 10 s by default) so the test waits less.
 */
class MetricsIT {

    private static final String APP = "e2e-metrics";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Test
    void trafficAndInstancesShowInJsonOverSshAndOnTheMetricsTabWithEachChangeMarked() throws Exception {
        try (GantryTestbed testbed = GantryTestbed.start(APP, Map.of("GANTRY_METRICS_INTERVAL", "2s"))) {
            Cli.Result push = testbed.push("metrics v1", TestImages.ECHO_RELEASE);
            assertTrue(push.ok(), push.output());
            Cli.Result set = testbed.user.ssh("config:set", APP, "COLOR=blue");
            assertTrue(set.ok(), set.output());

            // 40 answered requests and 10 for a page that is not there, spread over some 6 s so that
            // several 2-second samples have traffic and each chart has a line, not a dot.
            for (int second = 0; second < 5; second++) {
                for (int i = 0; i < 8; i++) {
                    assertEquals(200, testbed.user.get(APP).statusCode());
                }
                for (int i = 0; i < 2; i++) {
                    assertEquals(404, testbed.user.get(APP, "/missing").statusCode());
                }
                Thread.sleep(1200);
            }

            JsonNode report = awaitReport(testbed, json -> requests(json) >= 48
                    && points(json).stream().anyMatch(point -> point.path("p99Ms").isNumber()
                            && point.path("clientErrorsPerSecond").asDouble() > 0)
                    && points(json).stream().anyMatch(point -> point.path("instances").path("web.1").path("cpuPercent").isNumber()));
            assertEquals("1h", report.path("range").asText());
            assertEquals(2, report.path("stepSeconds").asLong());
            assertEquals("[\"web.1\"]", report.path("instances").toString());
            // Rates times the 2 s step: about the 50 requests (the samples are not exactly 2 s apart).
            assertTrue(requests(report) <= 56, "the 50 requests, counted once: " + requests(report));
            double memory = points(report).stream().mapToDouble(p -> p.path("instances").path("web.1").path("memoryMiB")
                    .asDouble()).max().orElse(0);
            assertTrue(memory > 0.1 && memory < 256, "busybox httpd's memory, in MiB: " + memory);
            assertEquals(List.of("v1 deploy", "v2 config"), markers(report));

            GantryApi.assertProblem(testbed.api.get("/apps/" + APP + "/metrics?range=7d"), 422, "Use 1h");

            Cli.Result ssh = testbed.user.ssh("metrics", APP);
            assertTrue(ssh.ok(), ssh.output());
            assertTrue(ssh.output().contains("=== " + APP + " metrics, last hour (UTC)"), ssh.output());
            assertTrue(ssh.output().matches("(?s).*from +req/s +p50 ms +p95 ms +p99 ms +4xx/s +5xx/s\n.*"), ssh.output());
            assertTrue(ssh.output().matches("(?s).*\nweb\\.1 +[0-9.]+ MiB +[0-9.]+ % CPU\n.*"), ssh.output());
            assertTrue(ssh.output().matches("(?s).*deploy +v1 +Deploy [0-9a-f]{7}\n.*config +v2 +Set COLOR\n.*"), ssh.output());
            Cli.Result day = testbed.user.ssh("metrics", APP, "--range", "24h");
            assertTrue(day.output().contains("last day"), day.output());

            HttpResponse<String> prometheus = testbed.api.get("/system/metrics");
            assertEquals(200, prometheus.statusCode(), prometheus.body());
            assertTrue(prometheus.body().contains("gantry_push_duration_seconds_count{result=\"succeeded\"} 1\n"),
                    prometheus.body());
            assertTrue(prometheus.body().contains("gantry_build_duration_seconds_count{result=\"succeeded\"} 1\n"),
                    prometheus.body());
            assertTrue(prometheus.body().contains("gantry_rollout_duration_seconds_count{result=\"succeeded\"} 2\n"),
                    "the push's rollout and the config change's: " + prometheus.body());

            onTheMetricsTab(testbed);
        }
    }

    private static void onTheMetricsTab(GantryTestbed testbed) throws Exception {
        HttpResponse<String> password = testbed.api.send("PUT", "/users/admin/password", "{\"password\": \"metrics-admin-secret\"}");
        assertEquals(204, password.statusCode(), password.body());
        try (ConsoleBrowser browser = new ConsoleBrowser(testbed.gantry)) {
            try {
                browser.signIn("admin", "metrics-admin-secret");
                browser.open("/console/apps/" + APP);
                browser.follow(By.id("metrics-link"));
                assertEquals("/console/apps/" + APP + "/metrics", browser.path());
                for (String chart : List.of("requests", "latency", "errors", "memory", "cpu")) {
                    WebElement svg = browser.driver.findElement(By.id("chart-" + chart));
                    assertTrue(svg.isDisplayed() && svg.getRect().getWidth() > 300, chart + " is drawn");
                    List<String> strokes = new ArrayList<>();
                    svg.findElements(By.cssSelector("path.line")).forEach(path -> strokes.add(path.getAttribute("d")));
                    assertTrue(strokes.stream().anyMatch(d -> d.matches("M[0-9.]+ [0-9.]+ L.*")),
                            chart + " has a line of several samples: " + strokes);
                    assertEquals(2, svg.findElements(By.cssSelector("g.marker")).size(), chart + ": the deploy and the config change");
                }
                WebElement latency = browser.driver.findElement(By.id("chart-latency"));
                assertEquals(List.of("p50", "p95", "p99"), latency.findElements(By.cssSelector("path.line")).stream()
                        .map(path -> path.getAttribute("data-series")).toList());
                assertTrue(browser.text(By.id("instances")).matches("(?s).*web\\.1 [0-9.]+ MiB [0-9.]+%.*"),
                        browser.text(By.id("instances")));
                assertTrue(browser.text(By.id("changes")).contains("v2 config"), browser.text(By.id("changes")));
                browser.screenshot("metrics");

                browser.follow(By.id("range-day"));
                assertEquals("/console/apps/" + APP + "/metrics?range=24h", browser.path());
                assertTrue(browser.driver.findElement(By.id("chart-requests")).isDisplayed());
            } catch (AssertionError | RuntimeException e) {
                browser.screenshot("metrics-failure");
                throw new AssertionError(e.getMessage() + " (what the browser showed: metrics-failure.png in"
                        + " docs/console of the tree under test)", e);
            }
        }
    }

    private static JsonNode awaitReport(GantryTestbed testbed, Predicate<JsonNode> ready) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        JsonNode report = null;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = testbed.api.get("/apps/" + APP + "/metrics");
            assertEquals(200, response.statusCode(), response.body());
            report = JSON.readTree(response.body());
            if (ready.test(report)) {
                return report;
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("no sample with the requests, their latency and the instance's CPU within "
                + PATIENCE.toSeconds() + " s: " + report);
    }

    private static double requests(JsonNode report) {
        return points(report).stream().mapToDouble(point -> point.path("requestsPerSecond").asDouble()
                * report.path("stepSeconds").asLong()).sum();
    }

    private static List<JsonNode> points(JsonNode report) {
        List<JsonNode> points = new ArrayList<>();
        report.path("points").forEach(points::add);
        return points;
    }

    private static List<String> markers(JsonNode report) {
        List<String> markers = new ArrayList<>();
        report.path("markers").forEach(marker -> markers.add(marker.path("release").asText() + " " + marker.path("kind").asText()));
        return markers;
    }
}
