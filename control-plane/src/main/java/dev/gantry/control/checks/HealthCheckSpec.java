package dev.gantry.control.checks;

import dev.gantry.node.HealthCheck;
import java.time.Duration;

/**
 * How Gantry decides that a new web instance may take traffic. Either an HTTP GET of {@code path}
 * that must answer below 500 within the timeout (and, with {@code content}, hold it in its body),
 * tried up to {@code attempts} times, a wait apart, and all of it within {@code boot} of the start
 * (Heroku's boot timeout: an app that never answers fails in a minute, not after every attempt); or,
 * when {@code disabled}, only that the container still runs after the uptime. Stored as JSON with
 * the app and copied into every release, hence plain millisecond fields; in a spec stored before
 * they existed, {@code bootMillis} is 0, read as the default, and {@code content} is null.
 */
public record HealthCheckSpec(String path, long timeoutMillis, int attempts, long waitMillis, boolean disabled,
        long uptimeMillis, long bootMillis, String content) {

    public static final Duration DEFAULT_BOOT = Duration.ofSeconds(60);
    public static final HealthCheckSpec DEFAULT = new HealthCheckSpec("/", 5_000, 300, 200, false, 10_000,
            DEFAULT_BOOT.toMillis(), null);

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

    /** How long, by the clock, a new instance has from its start to answer. */
    public Duration boot() {
        return bootMillis > 0 ? Duration.ofMillis(bootMillis) : DEFAULT_BOOT;
    }

    /** How long a new instance has, at most, to pass: its boot time, or less when the attempts run out first. */
    public Duration deadline() {
        if (disabled) {
            return uptime();
        }
        Duration attemptsLast = waitBetween().plus(timeout()).multipliedBy(attempts);
        return attemptsLast.compareTo(boot()) < 0 ? attemptsLast : boot();
    }

    public HealthCheckSpec withPath(String newPath) {
        return new HealthCheckSpec(newPath, timeoutMillis, attempts, waitMillis, disabled, uptimeMillis, bootMillis, content);
    }

    public HealthCheckSpec withTimeout(Duration newTimeout) {
        return new HealthCheckSpec(path, newTimeout.toMillis(), attempts, waitMillis, disabled, uptimeMillis, bootMillis, content);
    }

    public HealthCheckSpec withAttempts(int newAttempts) {
        return new HealthCheckSpec(path, timeoutMillis, newAttempts, waitMillis, disabled, uptimeMillis, bootMillis, content);
    }

    public HealthCheckSpec withWait(Duration newWait) {
        return new HealthCheckSpec(path, timeoutMillis, attempts, newWait.toMillis(), disabled, uptimeMillis, bootMillis, content);
    }

    public HealthCheckSpec withDisabled(boolean newDisabled) {
        return new HealthCheckSpec(path, timeoutMillis, attempts, waitMillis, newDisabled, uptimeMillis, bootMillis, content);
    }

    public HealthCheckSpec withUptime(Duration newUptime) {
        return new HealthCheckSpec(path, timeoutMillis, attempts, waitMillis, disabled, newUptime.toMillis(), bootMillis, content);
    }

    /** {@code newContent} must be in the body; null or empty: any body. */
    public HealthCheckSpec withContent(String newContent) {
        return new HealthCheckSpec(path, timeoutMillis, attempts, waitMillis, disabled, uptimeMillis, bootMillis,
                newContent == null || newContent.isEmpty() ? null : newContent);
    }

    public HealthCheckSpec withBoot(Duration newBoot) {
        return new HealthCheckSpec(path, timeoutMillis, attempts, waitMillis, disabled, uptimeMillis, newBoot.toMillis(),
                content);
    }

    /** One line for people, e.g. {@code GET /health below 500 within 60s (timeout 5s, 20 attempts 2s apart)}. */
    public String describe() {
        return disabled
                ? "checks disabled: the container must still run after " + Durations.format(uptime())
                : "GET " + path + " below 500" + (content == null ? "" : " with '" + content + "' in the body")
                        + " within " + Durations.format(boot()) + " of the start (timeout " + Durations.format(timeout())
                        + ", " + attempts + " attempts " + Durations.format(waitBetween()) + " apart)";
    }
}
