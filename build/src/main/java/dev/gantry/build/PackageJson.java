package dev.gantry.build;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/** What the node buildpack reads from package.json: its scripts and whether it has dev dependencies. */
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

    boolean hasDevDependencies() {
        JsonNode dev = root.path("devDependencies");
        return dev.isObject() && dev.size() > 0;
    }
}
