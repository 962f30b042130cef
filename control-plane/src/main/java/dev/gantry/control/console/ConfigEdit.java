package dev.gantry.control.console;

import dev.gantry.control.InvalidInputException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns the config editor's form into one change for {@code ConfigService.patch}: each row is a key
 * and a value; an empty value leaves a var as it is (values are masked, so most rows come back
 * empty), a ticked "remove" unsets it, a new key needs a value. Rows that change nothing are left
 * out, so saving an untouched form changes nothing.
 */
final class ConfigEdit {

    private ConfigEdit() {
    }

    /** @return key to new value, or to null to unset it */
    static Map<String, String> changes(Map<String, String> current, List<Map.Entry<String, String>> rows,
            Collection<String> removed) {
        Map<String, String> changes = new LinkedHashMap<>();
        for (Map.Entry<String, String> row : rows) {
            String key = row.getKey();
            String value = row.getValue();
            if (key.isEmpty()) {
                if (!value.isEmpty()) {
                    throw new InvalidInputException("a value was given without a key. Name it, e.g. GREETING");
                }
                continue;
            }
            if (removed.contains(key)) {
                if (current.containsKey(key)) {
                    changes.put(key, null);
                }
            } else if (!value.isEmpty() && !Objects.equals(current.get(key), value)) {
                changes.put(key, value);
            } else if (value.isEmpty() && !current.containsKey(key)) {
                throw new InvalidInputException(key + ": a new var needs a value");
            }
        }
        if (changes.isEmpty()) {
            throw new InvalidInputException("nothing changed. Type a new value, add a key, or tick remove");
        }
        return changes;
    }
}
