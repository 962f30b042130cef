package dev.gantry.build;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The buildpack an app's repository names, as Dokku and Heroku read it: {@code .buildpacks} (one
 * URL a line), {@code .buildpack}, or app.json's {@code buildpacks}, first found wins. Gantry
 * fetches no buildpack: a well-known one (Heroku's java, nodejs, python, go and static, Dokku's
 * null) names the kind that builds the same apps; anything else is refused.
 */
record BuildpackDeclaration(String kind, String source, String buildpack) {

    private static final List<String> FILES = List.of(".buildpacks", ".buildpack");
    /** Buildpacks by their shorthand and their repository (lowercase, no scheme, .git or #ref) to kinds. */
    private static final Map<String, String> WELL_KNOWN = Map.ofEntries(
            Map.entry("heroku/java", "java"),
            Map.entry("github.com/heroku/heroku-buildpack-java", "java"),
            Map.entry("heroku/nodejs", "node"),
            Map.entry("github.com/heroku/heroku-buildpack-nodejs", "node"),
            Map.entry("heroku/python", "python"),
            Map.entry("github.com/heroku/heroku-buildpack-python", "python"),
            Map.entry("heroku/go", "go"),
            Map.entry("github.com/heroku/heroku-buildpack-go", "go"),
            Map.entry("heroku-community/static", "static"),
            Map.entry("github.com/heroku/heroku-buildpack-static", "static"),
            Map.entry("github.com/dokku/buildpack-null", "procfile"),
            Map.entry("github.com/ryandotsmith/null-buildpack", "procfile"));

    /**
     * @param kinds every kind Gantry has, for the refusal of a buildpack it does not know
     * @throws NoBuildPlanException for an unknown buildpack, several, or a malformed app.json section
     */
    static Optional<BuildpackDeclaration> find(SourceTree tree, List<String> kinds) {
        for (String file : FILES) {
            Optional<String> text = tree.read(file);
            if (text.isPresent()) {
                return Optional.of(declared(file, text.get().lines().map(String::strip)
                        .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList(), kinds));
            }
        }
        return AppJson.of(tree).map(appJson -> appJson.section("buildpacks"))
                .filter(section -> !section.isMissingNode())
                .map(section -> declared(AppJson.FILE_NAME, urls(section), kinds));
    }

    /** For the build's reason: "named in .buildpacks (heroku/python)". */
    String describe() {
        return "named in " + source + " (" + buildpack + ")";
    }

    private static BuildpackDeclaration declared(String source, List<String> buildpacks, List<String> kinds) {
        if (buildpacks.size() != 1) {
            throw new NoBuildPlanException(source + " names " + (buildpacks.isEmpty() ? "no buildpack" : buildpacks.size()
                    + " buildpacks (" + String.join(", ", buildpacks) + ")") + ", and Gantry builds with one: name the"
                    + " one that builds the app (or remove " + source + " to let Gantry detect it), and push again");
        }
        String buildpack = buildpacks.get(0);
        String kind = WELL_KNOWN.get(normalized(buildpack));
        if (kind == null) {
            throw new NoBuildPlanException(source + " names the buildpack " + buildpack + ", which Gantry does not"
                    + " have (it fetches none): name one of Heroku's java, nodejs, python, go or static buildpacks or"
                    + " Dokku's null buildpack, or choose a kind with buildpacks:set (" + String.join(", ", kinds)
                    + "), and push again");
        }
        return new BuildpackDeclaration(kind, source, buildpack);
    }

    /** app.json's {@code "buildpacks": [{"url": "heroku/python"}]}. */
    private static List<String> urls(JsonNode section) {
        if (!section.isArray()) {
            throw new NoBuildPlanException(AppJson.FILE_NAME + ": buildpacks must be a list. Write \"buildpacks\":"
                    + " [{\"url\": \"heroku/python\"}] and push again");
        }
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < section.size(); i++) {
            JsonNode url = section.get(i).path("url");
            if (!url.isTextual() || url.asText().isBlank()) {
                throw new NoBuildPlanException(AppJson.FILE_NAME + ": buildpacks[" + i + "] has no \"url\". Write"
                        + " \"buildpacks\": [{\"url\": \"heroku/python\"}] and push again");
            }
            urls.add(url.asText().strip());
        }
        return urls;
    }

    /** "https://github.com/heroku/heroku-buildpack-go.git#v170" as "github.com/heroku/heroku-buildpack-go". */
    private static String normalized(String buildpack) {
        String name = buildpack.toLowerCase(Locale.ROOT);
        int fragment = name.indexOf('#');
        name = fragment < 0 ? name : name.substring(0, fragment);
        name = name.replaceFirst("^[a-z+]+://", "").replaceFirst("^git@([^:/]+):", "$1/").replaceFirst("^www\\.", "");
        name = name.replaceFirst("/+$", "").replaceFirst("\\.git$", "");
        return name;
    }
}
