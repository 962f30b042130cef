package dev.gantry.build;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * heroku.yml's {@code build.docker}, Heroku's container stack: the Dockerfile that builds the app
 * ({@code build: docker: web: Dockerfile.web}). Gantry builds one image, from the repository root,
 * for every process type: several Dockerfiles, or one in a subdirectory (whose directory Heroku
 * makes the build context), are refused. Its {@code run} section is not read: the Procfile is.
 */
final class HerokuYml {

    static final String FILE_NAME = "heroku.yml";
    private static final YAMLMapper YAML = new YAMLMapper();

    private HerokuYml() {
    }

    /**
     * The path of the Dockerfile heroku.yml builds, when it has a {@code build.docker} section.
     *
     * @throws NoBuildPlanException when the file is not YAML, or names Dockerfiles Gantry cannot build as Heroku does
     */
    static Optional<String> dockerfile(SourceTree tree) {
        Optional<String> text = tree.read(FILE_NAME);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        JsonNode docker = parse(text.get()).path("build").path("docker");
        if (!docker.isObject() || docker.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> byType = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> entries = docker.fields(); entries.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = entries.next();
            // Heroku also takes {"dockerfile": PATH, "target": STAGE}; the path is what counts here.
            JsonNode path = entry.getValue().isObject() ? entry.getValue().path("dockerfile") : entry.getValue();
            byType.put(entry.getKey(), path.asText(""));
        }
        if (byType.values().stream().distinct().count() > 1) {
            throw new NoBuildPlanException(FILE_NAME + " builds an image per process type (" + describe(byType)
                    + "), and Gantry builds one image for all of them: name one Dockerfile for every type and push"
                    + " again");
        }
        String dockerfile = byType.values().iterator().next();
        if (dockerfile.contains("/")) {
            throw new NoBuildPlanException(FILE_NAME + " builds from " + dockerfile + ", with its directory as the build"
                    + " context, and Gantry builds from the repository root: move it there (or name a root"
                    + " Dockerfile), and push again");
        }
        if (!tree.hasFile(dockerfile)) {
            throw new NoBuildPlanException(FILE_NAME + " builds from " + dockerfile + ", which is not at the repository"
                    + " root. Add it, or fix the name in " + FILE_NAME + ", and push again");
        }
        return Optional.of(dockerfile);
    }

    private static JsonNode parse(String text) {
        try {
            JsonNode root = YAML.readTree(text);
            return root == null ? YAML.createObjectNode() : root;
        } catch (JsonProcessingException e) {
            throw new NoBuildPlanException(FILE_NAME + " is not valid YAML (" + e.getOriginalMessage() + " at line "
                    + e.getLocation().getLineNr() + "). Fix it and push again");
        }
    }

    private static String describe(Map<String, String> byType) {
        StringBuilder text = new StringBuilder();
        byType.forEach((type, path) -> text.append(text.isEmpty() ? "" : ", ").append(type).append(": ").append(path));
        return text.toString();
    }
}
