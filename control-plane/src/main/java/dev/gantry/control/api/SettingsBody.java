package dev.gantry.control.api;

import dev.gantry.control.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A JSON object of settings, {@code {"path": "/health", "attempts": 20}}, as the {@code key=value}
 * arguments the SSH command takes, so REST and SSH go through the same parser and rules.
 */
final class SettingsBody {

    private SettingsBody() {
    }

    static List<String> of(Map<String, Object> body, String example) {
        if (body == null || body.isEmpty()) {
            throw new InvalidInputException("no setting given. Send e.g. " + example);
        }
        List<String> assignments = new ArrayList<>();
        body.forEach((key, value) -> {
            if (!(value instanceof String || value instanceof Number || value instanceof Boolean)) {
                throw new InvalidInputException(key + ": must be a string, number or true/false, e.g. " + example);
            }
            assignments.add(key + "=" + value);
        });
        return assignments;
    }
}
