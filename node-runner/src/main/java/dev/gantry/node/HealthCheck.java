package dev.gantry.node;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * An HTTP health check of one instance: healthy means any answer below 500 on the path, which
 * proves more than Heroku's "bound to $PORT" while letting apps without a health route (404) pass;
 * with expected content (Dokku's {@code content}), the body must also contain it.
 */
public final class HealthCheck {

    /**
     * One client for every check in the process. A JDK client holds a selector thread and a pool of
     * workers until it is garbage-collected, and checks are made per instance and per watch tick: one
     * client each piled up dozens of threads in the control plane, and its heap is kept small. Each
     * attempt's timeout also bounds its connect (the JDK then throws HttpConnectTimeoutException).
     */
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1) // no h2c upgrade dance with small app servers
            .proxy(HttpClient.Builder.NO_PROXY)    // instances are on the node; never via a proxy
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    /** How much of a body is searched for the expected content: a health page is small. */
    private static final int MAX_BODY_BYTES = 1024 * 1024;

    private final URI target;
    private final Duration attemptTimeout;
    private final Optional<String> content;

    private HealthCheck(URI target, Duration attemptTimeout, Optional<String> content) {
        this.target = target;
        this.attemptTimeout = attemptTimeout;
        this.content = content;
    }

    public static HealthCheck http(String host, int port, String path, Duration attemptTimeout) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("health check port must be 1-65535, was " + port);
        }
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("health check path must start with '/', was " + path);
        }
        if (attemptTimeout.isNegative() || attemptTimeout.isZero()) {
            throw new IllegalArgumentException("health check attempt timeout must be positive");
        }
        try {
            return new HealthCheck(new URI("http", null, host, port, path, null, null), attemptTimeout, Optional.empty());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("health check target is not a valid URL: " + e.getMessage(), e);
        }
    }

    /** The same check, which also wants {@code expected} in the body (the first MiB of it, as UTF-8). */
    public HealthCheck containing(String expected) {
        return new HealthCheck(target, attemptTimeout, Optional.of(expected));
    }

    public URI target() {
        return target;
    }

    /** Told while an instance has not passed yet, every {@link #PROGRESS_EVERY}, so the person waiting sees why. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (waited, lastSeen) -> { };

        void stillWaiting(Duration waited, String lastSeen);
    }

    /** Often enough that no client or proxy in between takes a waiting push for an idle one. */
    public static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);
    private static final Duration SHORTEST_ATTEMPT = Duration.ofMillis(100);

    public void waitUntilHealthy(Duration deadline, Duration interval, BooleanSupplier stillRunning) {
        waitUntilHealthy(deadline, interval, stillRunning, Progress.NONE);
    }

    /**
     * Polls until an answer below 500 arrives. Gives up as soon as {@code stillRunning} says the
     * instance is gone (no point waiting out the deadline for a crashed app), or when
     * {@code deadline} has passed by the clock: no attempt outlasts it.
     *
     * @throws HealthCheckFailedException saying what the last attempt saw, and whether anything answered
     */
    public void waitUntilHealthy(Duration deadline, Duration interval, BooleanSupplier stillRunning,
            Progress progress) {
        Instant started = Instant.now();
        Instant giveUpAt = started.plus(deadline);
        Instant nextReport = started.plus(PROGRESS_EVERY);
        boolean answered = false;
        while (true) {
            Duration left = Duration.between(Instant.now(), giveUpAt);
            Attempt attempt = attempt(left.compareTo(attemptTimeout) < 0 ? max(left, SHORTEST_ATTEMPT) : attemptTimeout);
            if (attempt.healthy()) {
                return;
            }
            answered |= attempt.answered();
            if (!stillRunning.getAsBoolean()) {
                throw failed("the container exited", attempt.problem(), answered);
            }
            Instant now = Instant.now();
            if (!now.plus(interval).isBefore(giveUpAt)) {
                throw failed("no healthy answer within " + seconds(deadline), attempt.problem(), answered);
            }
            if (!now.isBefore(nextReport)) {
                progress.stillWaiting(Duration.between(started, now), attempt.problem());
                nextReport = now.plus(PROGRESS_EVERY);
            }
            sleep(interval, attempt.problem());
        }
    }

    /** One GET; empty when healthy, otherwise what went wrong in a few words. */
    public Optional<String> attempt() {
        Attempt attempt = attempt(attemptTimeout);
        return attempt.healthy() ? Optional.empty() : Optional.of(attempt.problem());
    }

    /** What one GET saw: {@code problem} is null when it was healthy; {@code answered} when any HTTP status came back. */
    private record Attempt(String problem, boolean answered) {
        boolean healthy() {
            return problem == null;
        }
    }

    private Attempt attempt(Duration timeout) {
        HttpRequest request = HttpRequest.newBuilder(target).timeout(timeout).GET().build();
        try {
            if (content.isEmpty()) {
                int status = CLIENT.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                return new Attempt(status < 500 ? null : "status " + status, true);
            }
            HttpResponse<InputStream> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofInputStream());
            String body;
            try (InputStream in = response.body()) {
                body = new String(in.readNBytes(MAX_BODY_BYTES), StandardCharsets.UTF_8);
            }
            if (response.statusCode() >= 500) {
                return new Attempt("status " + response.statusCode(), true);
            }
            return new Attempt(body.contains(content.get()) ? null
                    : "status " + response.statusCode() + " without '" + content.get() + "' in the body", true);
        } catch (HttpConnectTimeoutException e) {
            return new Attempt("no connection within " + seconds(timeout), false);
        } catch (HttpTimeoutException e) {
            return new Attempt("no answer within " + seconds(timeout), false);
        } catch (ConnectException e) {
            return new Attempt("connection refused", false);
        } catch (IOException e) {
            // e.g. Docker's port proxy accepts, then closes because nothing listens inside yet
            return new Attempt("connection closed without an answer", false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HealthCheckFailedException("health check of " + target + " was interrupted", e);
        }
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private HealthCheckFailedException failed(String reason, String lastSeen, boolean answered) {
        return new HealthCheckFailedException(
                "health check of " + target + " failed: " + reason + " (last seen: " + lastSeen + ")", lastSeen, answered);
    }

    private void sleep(Duration interval, String lastSeen) {
        try {
            Thread.sleep(interval.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HealthCheckFailedException(
                    "health check of " + target + " was interrupted (last seen: " + lastSeen + ")", e);
        }
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }
}
