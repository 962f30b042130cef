package dev.gantry.build;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * The app.json at the repository root, the app manifest of Heroku and Dokku. Each part of Gantry
 * reads its own section (buildpacks here; health checks, formation, scripts, cron in the control
 * plane); malformed JSON is refused once, with where it breaks.
 */
public final class AppJson {

    public static final String FILE_NAME = "app.json";

    private final JsonNode root;

    private AppJson(JsonNode root) {
        this.root = root;
    }

    /** @throws NoBuildPlanException when the tree's app.json is not a JSON object */
    public static Optional<AppJson> of(SourceTree tree) {
        return tree.read(FILE_NAME).map(AppJson::parse);
    }

    /** @throws NoBuildPlanException when the text is not a JSON object, with the parser's line and column */
    public static AppJson parse(String text) {
        return new AppJson(JsonFile.object(FILE_NAME, text, "Fix it, or remove it, and push again"));
    }

    /** The top-level field {@code name}: a missing node when absent. */
    public JsonNode section(String name) {
        return root.path(name);
    }
}
