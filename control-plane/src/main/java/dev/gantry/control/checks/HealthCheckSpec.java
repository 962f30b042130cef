package dev.gantry.control.checks;

import dev.gantry.node.HealthCheck;
import java.time.Duration;

/**
 * How Gantry decides that a new web instance may take traffic. Either an HTTP GET of {@code path}
 * that must answer below 500 within the timeout (and, with {@code content}, hold it in its body),
 * tried up to {@code attempts} times, a wait apart; or, when {@code disabled}, only that the
 * container still runs after the uptime. Stored as JSON with the app and copied into every
 * release, hence plain millisecond fields; a spec stored before {@code content} existed reads it as null.
 */
public record HealthCheckSpec(String path, long timeoutMillis, int attempts, long waitMillis, boolean disabled,
        long uptimeMillis, String content) {

    public static final HealthCheckSpec DEFAULT = new HealthCheckSpec("/", 5_000, 300, 200, false, 10_000, null);

    /** One probe of an instance at {@code host:port}, each attempt bounded by {@code attemptTimeout}. */
    public HealthCheck probe(String host, int port, Duration attemptTimeout) {
        HealthCheck check = HealthCheck.http(host, port, path, attemptTimeout);
        return content == null ? check : check.containing(content);
    }

    public Duration timeout() {
        return Duration.ofMillis(timeoutMillis);
    }

    public Duration waitBetween() {
        return Duration.ofMillis(waitMillis);
    }

    public Duration uptime() {
        return Duration.ofMillis(uptimeMillis);
    }

    /** How long a new instance has, at most, to pass. */
    public Duration deadline() {
        return disabled ? uptime() : waitBetween().plus(timeout()).multipliedBy(attempts);
    }

    public HealthCheckSpec withPath(String newPath) {
        return new HealthCheckSpec(newPath, timeoutMillis, attempts, waitMillis, disabled, uptimeMillis, content);
    }

    public HealthCheckSpec withTimeout(Duration newTimeout) {
        return new HealthCheckSpec(path, newTimeout.toMillis(), attempts, waitMillis, disabled, uptimeMillis, content);
    }

    public HealthCheckSpec withAttempts(int newAttempts) {
        return new HealthCheckSpec(path, timeoutMillis, newAttempts, waitMillis, disabled, uptimeMillis, content);
    }

    public HealthCheckSpec withWait(Duration newWait) {
        return new HealthCheckSpec(path, timeoutMillis, attempts, newWait.toMillis(), disabled, uptimeMillis, content);
    }

    public HealthCheckSpec withDisabled(boolean newDisabled) {
        return new HealthCheckSpec(path, timeoutMillis, attempts, waitMillis, newDisabled, uptimeMillis, content);
    }

    public HealthCheckSpec withUptime(Duration newUptime) {
        return new HealthCheckSpec(path, timeoutMillis, attempts, waitMillis, disabled, newUptime.toMillis(), content);
    }

    /** {@code newContent} must be in the body; null or empty: any body. */
    public HealthCheckSpec withContent(String newContent) {
        return new HealthCheckSpec(path, timeoutMillis, attempts, waitMillis, disabled, uptimeMillis,
                newContent == null || newContent.isEmpty() ? null : newContent);
    }

    /** One line for people, e.g. {@code GET /health below 500 (timeout 5s, 20 attempts 2s apart)}. */
    public String describe() {
        return disabled
                ? "checks disabled: the container must still run after " + Durations.format(uptime())
                : "GET " + path + " below 500" + (content == null ? "" : " with '" + content + "' in the body")
                        + " (timeout " + Durations.format(timeout()) + ", " + attempts
                        + " attempts " + Durations.format(waitBetween()) + " apart)";
    }
}
