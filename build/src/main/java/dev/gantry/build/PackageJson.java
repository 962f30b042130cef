package dev.gantry.build;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * What the node buildpack reads from package.json: its scripts, engines and package manager, and
 * whether it has dev dependencies.
 */
final class PackageJson {

    static final String FILE_NAME = "package.json";

    private final JsonNode root;

    private PackageJson(JsonNode root) {
        this.root = root;
    }

    /** @throws NoBuildPlanException when the text is not a JSON object, with the parser's line and column */
    static PackageJson parse(String text) {
        return new PackageJson(JsonFile.object(FILE_NAME, text, "Fix it and push again"));
    }

    /** The script's command, when package.json declares it as a non-empty string. */
    Optional<String> script(String name) {
        JsonNode script = root.path("scripts").path(name);
        return script.isTextual() && !script.asText().isBlank() ? Optional.of(script.asText()) : Optional.empty();
    }

    /** A top-level or nested text field ("packageManager", "engines.node"), when present and not blank. */
    Optional<String> text(String... path) {
        JsonNode node = root;
        for (String name : path) {
            node = node.path(name);
        }
        return node.isTextual() && !node.asText().isBlank() ? Optional.of(node.asText().strip()) : Optional.empty();
    }

    boolean hasDevDependencies() {
        JsonNode dev = root.path("devDependencies");
        return dev.isObject() && dev.size() > 0;
    }
}
