package dev.gantry.build;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Java version an app builds and runs with: {@code java.runtime.version} in its
 * system.properties, as Heroku reads it ({@code 21}, {@code 21.0.2}, {@code zulu-21}; the
 * distribution is always Debian's OpenJDK), else 17. Each version Gantry offers has a stack.
 */
record JavaRuntime(String version, boolean fromSystemProperties) {

    static final String SYSTEM_PROPERTIES = "system.properties";
    static final String PROPERTY = "java.runtime.version";
    private static final String DEFAULT = "17";
    /** Versions to their stacks; Debian packages 17 in bookworm, 21 and 25 in trixie. */
    private static final Map<String, String> STACKS = stacks();
    /** An optional distribution prefix, then the feature version: "1.8" is Java 8. */
    private static final Pattern VERSION = Pattern.compile("(?:[a-z]+-)?(?:1\\.)?(\\d+)(?:[.+_-].*)?");

    /** @throws NoBuildPlanException when system.properties asks for a version Gantry has no stack for */
    static JavaRuntime of(SourceTree tree) {
        Optional<String> requested = tree.read(SYSTEM_PROPERTIES).flatMap(JavaRuntime::requestedVersion);
        if (requested.isEmpty()) {
            return new JavaRuntime(DEFAULT, false);
        }
        Matcher version = VERSION.matcher(requested.get());
        if (!version.matches() || !STACKS.containsKey(version.group(1))) {
            throw new NoBuildPlanException(SYSTEM_PROPERTIES + " asks for Java '" + requested.get() + "' ("
                    + PROPERTY + "), which Gantry cannot provide: it has OpenJDK " + String.join(", ", STACKS.keySet())
                    + ". Set " + PROPERTY + " to one of them and push again");
        }
        return new JavaRuntime(version.group(1), true);
    }

    private static Optional<String> requestedVersion(String text) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException malformed) {
            throw new NoBuildPlanException(SYSTEM_PROPERTIES + " is not a properties file (" + malformed.getMessage()
                    + "). Fix it and push again");
        }
        return Optional.ofNullable(properties.getProperty(PROPERTY)).map(String::strip).filter(value -> !value.isEmpty());
    }

    /** The stack whose images hold this version's JDK and JRE. */
    String stack() {
        return STACKS.get(version);
    }

    /** For the build's reason: "Java 21 from system.properties", or "Java 17" by default. */
    String describe() {
        return "Java " + version + (fromSystemProperties ? " from " + SYSTEM_PROPERTIES : "");
    }

    private static Map<String, String> stacks() {
        Map<String, String> stacks = new LinkedHashMap<>();
        stacks.put("17", "java");
        stacks.put("21", "java21");
        stacks.put("25", "java25");
        return stacks;
    }
}
