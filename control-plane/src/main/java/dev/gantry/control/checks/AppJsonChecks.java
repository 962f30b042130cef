package dev.gantry.control.checks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gantry.build.AppJson;
import dev.gantry.control.InvalidInputException;
import java.util.Optional;

/**
 * Reads the {@code healthchecks} section of an app.json in Dokku's format, so apps moving from
 * Dokku keep their checks: {@code {"healthchecks": {"web": [{"type": "startup", "path": "/health",
 * "timeout": 5, "attempts": 20, "wait": 2}]}}} (times in seconds). The first web startup check wins.
 */
public final class AppJsonChecks {

    private AppJsonChecks() {
    }

    public static Optional<HealthCheckSpec> read(AppJson appJson, HealthCheckSpec base) {
        JsonNode checks = appJson.section("healthchecks").path("web");
        if (!checks.isArray()) {
            return Optional.empty();
        }
        for (int i = 0; i < checks.size(); i++) {
            JsonNode check = checks.get(i);
            if (check.path("type").asText("startup").equals("startup")) {
                return Optional.of(toSpec(check, base, "app.json: healthchecks.web[" + i + "]"));
            }
        }
        return Optional.empty();
    }

    private static HealthCheckSpec toSpec(JsonNode check, HealthCheckSpec base, String where) {
        HealthCheckSpec spec = base;
        try {
            spec = set(spec, check, "path", "path", false);
            spec = set(spec, check, "timeout", "timeout", true);
            spec = set(spec, check, "attempts", "attempts", false);
            spec = set(spec, check, "wait", "wait", true);
            spec = set(spec, check, "content", "content", false);
            return spec;
        } catch (InvalidInputException e) {
            throw new InvalidInputException(where + ": " + e.getMessage());
        }
    }

    private static HealthCheckSpec set(HealthCheckSpec spec, JsonNode check, String field, String key, boolean seconds) {
        JsonNode value = check.get(field);
        if (value == null || value.isNull()) {
            return spec;
        }
        if (seconds && !value.isNumber()) {
            throw new InvalidInputException(field + " must be a number of seconds");
        }
        return HealthCheckSettings.apply(spec, key, value.asText());
    }
}
