package dev.gantry.control.checks;

import dev.gantry.control.Assignments;
import dev.gantry.control.InvalidInputException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Applies {@code key=value} settings (from {@code checks:set} or an app.json) to a health check.
 * Every message names the setting it is about and the values it accepts.
 */
public final class HealthCheckSettings {

    private static final Pattern PATH = Pattern.compile("/[\\x21-\\x7e]{0,199}");
    private static final Duration MAX_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration MAX_WAIT = Duration.ofMinutes(1);
    private static final Duration MAX_BOOT = Duration.ofMinutes(30);
    private static final int MAX_ATTEMPTS = 1000;
    private static final int MAX_CONTENT = 200;

    private HealthCheckSettings() {
    }

    public static HealthCheckSpec apply(HealthCheckSpec base, List<String> assignments) {
        if (assignments.isEmpty()) {
            throw new InvalidInputException("no setting given. Use path=/health timeout=5s attempts=20 wait=2s uptime=10s"
                    + " boot=60s content=OK");
        }
        HealthCheckSpec spec = base;
        for (Map.Entry<String, String> setting : Assignments.parse(assignments, "path=/health or timeout=5s").entrySet()) {
            spec = apply(spec, setting.getKey(), setting.getValue());
        }
        return spec;
    }

    static HealthCheckSpec apply(HealthCheckSpec spec, String key, String value) {
        return switch (key) {
            case "path" -> spec.withPath(path(value));
            case "timeout" -> spec.withTimeout(bounded("checks.timeout", Durations.parse("checks.timeout", value),
                    Duration.ofMillis(100), MAX_TIMEOUT));
            case "wait" -> spec.withWait(bounded("checks.wait", Durations.parse("checks.wait", value),
                    Duration.ZERO, MAX_WAIT));
            case "uptime" -> spec.withUptime(bounded("checks.uptime", Durations.parse("checks.uptime", value),
                    Duration.ZERO, MAX_TIMEOUT));
            case "boot" -> spec.withBoot(bounded("checks.boot", Durations.parse("checks.boot", value),
                    Duration.ofSeconds(1), MAX_BOOT));
            case "attempts" -> spec.withAttempts(attempts(value));
            case "content" -> spec.withContent(content(value));
            default -> throw new InvalidInputException("unknown setting '" + key
                    + "'. Health checks take path, timeout, attempts, wait, uptime, boot and content");
        };
    }

    private static String path(String value) {
        if (!PATH.matcher(value).matches()) {
            throw new InvalidInputException("checks.path: '" + value + "' is not a URL path. Start it with / and use"
                    + " no spaces or control characters (at most 200 characters)");
        }
        return value;
    }

    private static String content(String value) {
        if (value.length() > MAX_CONTENT || value.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException("checks.content: must be at most " + MAX_CONTENT + " characters on one line"
                    + " (the text the answer's body must contain; empty for any body)");
        }
        return value;
    }

    private static int attempts(String value) {
        try {
            int attempts = Integer.parseInt(value);
            if (attempts >= 1 && attempts <= MAX_ATTEMPTS) {
                return attempts;
            }
        } catch (NumberFormatException notANumber) {
            // reported below, with the accepted range
        }
        throw new InvalidInputException("checks.attempts: '" + value + "' must be a whole number from 1 to " + MAX_ATTEMPTS);
    }

    private static Duration bounded(String field, Duration value, Duration min, Duration max) {
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new InvalidInputException(field + ": must be from " + Durations.format(min) + " to "
                    + Durations.format(max) + ", was " + Durations.format(value));
        }
        return value;
    }
}
