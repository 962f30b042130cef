package dev.gantry.control.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A closed-loop load through the router: a few keep-alive connections, each sending GETs one after
 * another, bounded by a request count and by time. Every request is logged (start, end, status,
 * the release that answered, error) so a test can check what users would have seen.
 */
final class LoadClient implements AutoCloseable {

    /** One request as a user saw it; {@code release} is the body (the app echoes GANTRY_RELEASE). */
    record Sample(long startNanos, long endNanos, int status, String release, String error) {
        boolean failed() {
            return error != null || status < 200 || status > 299;
        }

        /** The release number the body starts with ("v3", or "v3 web.2" for apps that also name the instance). */
        int version() {
            String label = release.split(" ", 2)[0];
            return label.matches("v[0-9]+") ? Integer.parseInt(label.substring(1)) : -1;
        }
    }

    private final List<Thread> workers = new ArrayList<>();
    private final ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final AtomicInteger budget;
    private final long deadline;

    /** What the tests under load run: 4 connections to the app through the router, up to 50,000 requests or 2 minutes. */
    static LoadClient on(GantryProcess gantry, String app) {
        return new LoadClient(gantry.routerPort, app + ".localhost", 4, 50_000, Duration.ofSeconds(120));
    }

    /** What a test does while the load runs. */
    interface Step {
        void run() throws Exception;
    }

    /** Runs {@code step} under {@link #on} load and returns every request it saw. */
    static List<Sample> during(GantryProcess gantry, String app, Step step) throws Exception {
        try (LoadClient load = on(gantry, app)) {
            step.run();
            return load.finish();
        }
    }

    /** Fails on any failed request (showing the first ten) or when the load did not keep running. */
    static void assertNothingDropped(String during, List<Sample> samples) {
        List<Sample> failed = samples.stream().filter(Sample::failed).toList();
        System.out.printf("%s under load: %d requests, %d failed, releases seen %s%n", during, samples.size(),
                failed.size(), samples.stream().map(Sample::release).distinct().sorted().toList());
        assertEquals(List.of(), failed.stream().limit(10).toList(), failed.size() + " of " + samples.size()
                + " requests failed during " + during);
        assertTrue(samples.size() > 200, "the load kept running: " + samples.size() + " requests");
    }

    LoadClient(int routerPort, String host, int connections, int maxRequests, Duration maxTime) {
        this.budget = new AtomicInteger(maxRequests);
        this.deadline = System.nanoTime() + maxTime.toNanos();
        URI uri = URI.create("http://127.0.0.1:" + routerPort + "/");
        for (int i = 0; i < connections; i++) {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            Thread worker = new Thread(() -> loop(client, uri, host), "load-" + i);
            worker.setDaemon(true);
            workers.add(worker);
        }
        workers.forEach(Thread::start);
    }

    private void loop(HttpClient client, URI uri, String host) {
        HttpRequest request = HttpRequest.newBuilder(uri).header("Host", host).timeout(Duration.ofSeconds(30)).build();
        while (!stop.get() && budget.getAndDecrement() > 0 && System.nanoTime() < deadline) {
            long start = System.nanoTime();
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                samples.add(new Sample(start, System.nanoTime(), response.statusCode(), response.body().trim(), null));
            } catch (Exception e) {
                samples.add(new Sample(start, System.nanoTime(), 0, "", e.getClass().getSimpleName() + ": "
                        + e.getMessage()));
            }
        }
    }

    /** Stops the loop and returns every sample, in no particular order. */
    List<Sample> finish() throws InterruptedException {
        stop.set(true);
        for (Thread worker : workers) {
            worker.join(Duration.ofSeconds(40).toMillis());
        }
        return List.copyOf(samples);
    }

    /** Requests that started after some later release had already answered, yet got an older one. */
    static List<Sample> staleAnswers(List<Sample> samples) {
        TreeMap<Integer, Long> firstAnswer = new TreeMap<>();
        for (Sample sample : samples) {
            if (!sample.failed()) {
                firstAnswer.merge(sample.version(), sample.endNanos(), Math::min);
            }
        }
        List<Sample> stale = new ArrayList<>();
        for (Sample sample : samples) {
            if (sample.failed()) {
                continue;
            }
            Map<Integer, Long> newer = firstAnswer.tailMap(sample.version(), false);
            if (newer.values().stream().anyMatch(answeredAt -> answeredAt < sample.startNanos())) {
                stale.add(sample);
            }
        }
        return stale;
    }

    @Override
    public void close() throws InterruptedException {
        finish();
    }
}
