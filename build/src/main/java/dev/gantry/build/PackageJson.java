package dev.gantry.build;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;

/** What the node buildpack reads from package.json: its scripts and whether it has dev dependencies. */
final class PackageJson {

    static final String FILE_NAME = "package.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode root;

    private PackageJson(JsonNode root) {
        this.root = root;
    }

    /** @throws NoBuildPlanException when the text is not a JSON object, with the parser's line and column */
    static PackageJson parse(String text) {
        try {
            JsonNode root = JSON.readTree(text);
            if (root == null || !root.isObject()) {
                throw new NoBuildPlanException(FILE_NAME + " is not a JSON object. Fix it and push again");
            }
            return new PackageJson(root);
        } catch (JsonProcessingException e) {
            throw new NoBuildPlanException(FILE_NAME + " is not valid JSON (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage()
                    + "). Fix it and push again");
        }
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
