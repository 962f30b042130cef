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

    /** How much of a body is searched for the expected content: a health page is small. */
    private static final int MAX_BODY_BYTES = 1024 * 1024;

    private final URI target;
    private final Duration attemptTimeout;
    private final Optional<String> content;
    private final HttpClient client;

    private HealthCheck(URI target, Duration attemptTimeout, Optional<String> content) {
        this.target = target;
        this.attemptTimeout = attemptTimeout;
        this.content = content;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1) // no h2c upgrade dance with small app servers
                .proxy(HttpClient.Builder.NO_PROXY)    // instances are on the node; never via a proxy
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(attemptTimeout)
                .build();
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

    /**
     * Polls until an answer below 500 arrives. Gives up as soon as {@code stillRunning} says the
     * instance is gone (no point waiting out the deadline for a crashed app), or when
     * {@code deadline} has passed.
     *
     * @throws HealthCheckFailedException saying what the last attempt saw
     */
    public void waitUntilHealthy(Duration deadline, Duration interval, BooleanSupplier stillRunning) {
        Instant giveUpAt = Instant.now().plus(deadline);
        while (true) {
            Optional<String> problem = attempt();
            if (problem.isEmpty()) {
                return;
            }
            if (!stillRunning.getAsBoolean()) {
                throw failed("the container exited", problem.get());
            }
            if (Instant.now().plus(interval).isAfter(giveUpAt)) {
                throw failed("no healthy answer within " + seconds(deadline), problem.get());
            }
            sleep(interval, problem.get());
        }
    }

    /** One GET; empty when healthy, otherwise what went wrong in a few words. */
    public Optional<String> attempt() {
        HttpRequest request = HttpRequest.newBuilder(target).timeout(attemptTimeout).GET().build();
        try {
            if (content.isEmpty()) {
                int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                return status < 500 ? Optional.empty() : Optional.of("status " + status);
            }
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            String body;
            try (InputStream in = response.body()) {
                body = new String(in.readNBytes(MAX_BODY_BYTES), StandardCharsets.UTF_8);
            }
            if (response.statusCode() >= 500) {
                return Optional.of("status " + response.statusCode());
            }
            return body.contains(content.get()) ? Optional.empty()
                    : Optional.of("status " + response.statusCode() + " without '" + content.get() + "' in the body");
        } catch (HttpConnectTimeoutException e) {
            return Optional.of("no connection within " + seconds(attemptTimeout));
        } catch (HttpTimeoutException e) {
            return Optional.of("no answer within " + seconds(attemptTimeout));
        } catch (ConnectException e) {
            return Optional.of("connection refused");
        } catch (IOException e) {
            // e.g. Docker's port proxy accepts, then closes because nothing listens inside yet
            return Optional.of("connection closed without an answer");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HealthCheckFailedException("health check of " + target + " was interrupted", e);
        }
    }

    private HealthCheckFailedException failed(String reason, String lastSeen) {
        return new HealthCheckFailedException(
                "health check of " + target + " failed: " + reason + " (last seen: " + lastSeen + ")");
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
