package dev.gantry.control.cluster;

import dev.gantry.control.Assignments;
import dev.gantry.control.InvalidInputException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Host labels as the commands take them ({@code zone=a}): what {@code nodes:label} sets on a host and
 * {@code ps:place} asks of one. Keys and values are kept to letters, digits, dots, dashes and
 * underscores, so that every pair reads the same in a placement constraint, in a formation row
 * ({@code zone=a,disk=ssd}) and in {@code nodes}.
 */
public final class HostLabels {

    private static final Pattern KEY = Pattern.compile("[a-z0-9]([a-z0-9._-]{0,61}[a-z0-9])?");
    private static final Pattern VALUE = Pattern.compile("[A-Za-z0-9._-]{1,63}");

    private HostLabels() {
    }

    /** {@code key=value} pairs; with {@code removals}, {@code key=} (no value) stands for removing the label. */
    static Map<String, String> parse(List<String> arguments, boolean removals, String example) {
        Map<String, String> labels = new TreeMap<>(Assignments.parse(arguments, example));
        labels.forEach((key, value) -> {
            if (!KEY.matcher(key).matches()) {
                throw new InvalidInputException("'" + key + "' is not a label name: use lowercase letters, digits,"
                        + " dots, dashes and underscores, at most 63 (e.g. " + example + ")");
            }
            if (!(removals && value.isEmpty()) && !VALUE.matcher(value).matches()) {
                throw new InvalidInputException("'" + value + "' is not a label value for " + key + ": use letters,"
                        + " digits, dots, dashes and underscores, at most 63" + (removals ? " (" + key + "= removes it)" : ""));
            }
        });
        return labels;
    }

    /** Whether a host's labels include every one {@code wanted} names. */
    static boolean carries(Map<String, String> host, Map<String, String> wanted) {
        return wanted.entrySet().stream().allMatch(label -> label.getValue().equals(host.get(label.getKey())));
    }

    /** As {@code nodes} and the commands show labels: {@code disk=ssd,zone=a}. */
    public static String describe(Map<String, String> labels) {
        return labels.entrySet().stream().map(label -> label.getKey() + "=" + label.getValue())
                .collect(Collectors.joining(","));
    }
}
