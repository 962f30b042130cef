package dev.gantry.node;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Dockerfile is code from whoever can push. runc before 1.1.12 lets it escape the container
 * through a leaked file descriptor ({@code WORKDIR /proc/self/fd/N}, CVE-2024-21626), so Gantry
 * says so at start when the engine's runtime is that old.
 */
public final class RuncAdvisory {

    private static final Pattern VERSION = Pattern.compile("v?(\\d+)\\.(\\d+)\\.(\\d+)");
    private static final int[] FIXED_IN = {1, 1, 12};

    private RuncAdvisory() {
    }

    public static Optional<String> warning(String runtimeVersion) {
        Matcher matcher = VERSION.matcher(runtimeVersion == null ? "" : runtimeVersion);
        if (!matcher.lookingAt()) {
            return Optional.empty();
        }
        for (int part = 0; part < FIXED_IN.length; part++) {
            int value = Integer.parseInt(matcher.group(part + 1));
            if (value != FIXED_IN[part]) {
                return value > FIXED_IN[part] ? Optional.empty() : Optional.of(message(runtimeVersion));
            }
        }
        return Optional.empty();
    }

    private static String message(String runtimeVersion) {
        return "the engine's runc is " + runtimeVersion + ", older than 1.1.12: a pushed Dockerfile can escape its"
                + " container (CVE-2024-21626). Upgrade runc (e.g. apt-get install --only-upgrade runc) and"
                + " restart the engine";
    }
}
