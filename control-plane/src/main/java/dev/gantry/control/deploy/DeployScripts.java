package dev.gantry.control.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gantry.build.AppJson;
import dev.gantry.control.InvalidInputException;
import java.util.Optional;

/**
 * Dokku's deployment tasks from app.json: {@code scripts.dokku.predeploy} runs in a container of a
 * new build before any instance starts (with the Procfile's release command after it), and
 * {@code scripts.dokku.postdeploy} once the new release serves. They belong to the push that
 * brought them, so a config change or a rollback runs neither.
 */
public record DeployScripts(Optional<String> predeploy, Optional<String> postdeploy) {

    public static final DeployScripts NONE = new DeployScripts(Optional.empty(), Optional.empty());

    public static DeployScripts of(AppJson appJson) {
        JsonNode dokku = appJson.section("scripts").path("dokku");
        return new DeployScripts(script(dokku, "predeploy"), script(dokku, "postdeploy"));
    }

    private static Optional<String> script(JsonNode dokku, String name) {
        JsonNode script = dokku.path(name);
        if (script.isMissingNode() || script.isNull()) {
            return Optional.empty();
        }
        if (!script.isTextual() || script.asText().isBlank()) {
            throw new InvalidInputException(AppJson.FILE_NAME + ": scripts.dokku." + name + " must be a command (a"
                    + " string), such as \"python3 manage.py migrate\". Fix it and push again");
        }
        return Optional.of(script.asText());
    }
}
