package dev.gantry.build;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Python an app asks for, as Heroku reads it: {@code .python-version} ({@code 3.13} or
 * {@code 3.13.1}), else {@code runtime.txt} ({@code python-3.13.1}); else 3.11. Each minor version
 * Gantry offers is Debian's python3 of one release, with a stack of its own.
 */
record PythonRuntime(String version, Optional<String> file) {

    private static final List<String> FILES = List.of(".python-version", "runtime.txt");
    private static final String DEFAULT = "3.11";
    /** Minor versions to their stacks: bookworm packages 3.11, trixie 3.13. */
    private static final Map<String, String> STACKS = stacks();
    private static final Pattern VERSION = Pattern.compile("(?:python-?)?(\\d+\\.\\d+)(?:\\.\\d+)?");

    /** @throws NoBuildPlanException when the file asks for a version Gantry has no stack for */
    static PythonRuntime of(SourceTree tree) {
        for (String file : FILES) {
            Optional<String> requested = tree.read(file).flatMap(PythonRuntime::firstLine);
            if (requested.isPresent()) {
                Matcher version = VERSION.matcher(requested.get());
                if (!version.matches() || !STACKS.containsKey(version.group(1))) {
                    throw new NoBuildPlanException(file + " asks for Python '" + requested.get() + "', which Gantry"
                            + " cannot provide: it has Python " + String.join(", ", STACKS.keySet()) + ". Write one of"
                            + " them there and push again");
                }
                return new PythonRuntime(version.group(1), Optional.of(file));
            }
        }
        return new PythonRuntime(DEFAULT, Optional.empty());
    }

    private static Optional<String> firstLine(String text) {
        return text.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).findFirst();
    }

    String stack() {
        return STACKS.get(version);
    }

    /** For the build's reason, when a file asked: "Python 3.13 from .python-version". */
    Optional<String> describe() {
        return file.map(source -> "Python " + version + " from " + source);
    }

    private static Map<String, String> stacks() {
        Map<String, String> stacks = new LinkedHashMap<>();
        stacks.put("3.11", "python");
        stacks.put("3.13", "python313");
        return stacks;
    }
}
