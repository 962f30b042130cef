package dev.gantry.control.releases;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/** Which config keys one release added, removed or changed against another. Values are never shown. */
public record ConfigDiff(List<String> added, List<String> removed, List<String> changed) {

    public static ConfigDiff between(Map<String, String> before, Map<String, String> after) {
        List<String> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        TreeSet<String> keys = new TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        for (String key : keys) {
            if (!before.containsKey(key)) {
                added.add(key);
            } else if (!after.containsKey(key)) {
                removed.add(key);
            } else if (!Objects.equals(before.get(key), after.get(key))) {
                changed.add(key);
            }
        }
        return new ConfigDiff(added, removed, changed);
    }

    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
    }

    public String describe() {
        if (isEmpty()) {
            return "no change";
        }
        List<String> parts = new ArrayList<>();
        added.forEach(key -> parts.add("+" + key));
        removed.forEach(key -> parts.add("-" + key));
        changed.forEach(key -> parts.add("~" + key));
        return String.join(" ", parts);
    }
}
