package dev.gantry.control.config;

import dev.gantry.control.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What an app's config may hold: environment variable names an app can read, none that Gantry
 * sets itself, no NUL in values (they cannot pass through an environment), and at most 32 KiB in
 * all (Heroku's limit). Values are otherwise byte-exact: spaces, '=', quotes, newlines, unicode.
 */
public final class ConfigRules {

    static final int MAX_TOTAL_BYTES = 32 * 1024;
    private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");

    private ConfigRules() {
    }

    public static void checkKey(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new InvalidInputException("'" + key + "' is not a valid config key. Use letters, digits and '_',"
                    + " not starting with a digit (like DATABASE_URL)");
        }
        if (key.equals("GANTRY_BUILDPACK")) {
            // What Heroku users reach for: point them at the setting that does it.
            throw new InvalidInputException("'GANTRY_BUILDPACK' is not a config var here: choose how the app is built"
                    + " with buildpacks:set APP KIND (auto goes back to detection)");
        }
        if (key.equals("PORT") || key.startsWith("GANTRY_")) {
            throw new InvalidInputException("'" + key + "' is set by Gantry itself (PORT and GANTRY_* are reserved)."
                    + " Pick another name");
        }
    }

    public static void checkValue(String key, String value) {
        if (value.indexOf('\0') >= 0) {
            throw new InvalidInputException(key + ": the value contains a NUL byte, which no environment can carry."
                    + " Encode it (e.g. base64) and decode it in the app");
        }
    }

    public static void checkTotal(Map<String, String> vars) {
        long total = vars.entrySet().stream()
                .mapToLong(e -> e.getKey().getBytes(StandardCharsets.UTF_8).length
                        + e.getValue().getBytes(StandardCharsets.UTF_8).length)
                .sum();
        if (total > MAX_TOTAL_BYTES) {
            throw new InvalidInputException("the config would hold " + total + " bytes, over the 32 KiB limit."
                    + " Keep large values in a file or a service and put their location in config");
        }
    }
}
