package dev.gantry.build;

import java.util.Optional;

/**
 * How one tree is built: which kind of app it is, why Gantry thinks so, the Dockerfile (a path
 * inside the build context) the engine builds it with, and, when Gantry wrote that Dockerfile
 * (every kind but {@value BuildPlanner#DOCKERFILE_KIND}), its text and the stack whose images it
 * starts from: the build context must carry it at {@link #dockerfile()}, and those images must exist.
 */
public record BuildPlan(String kind, String reason, String dockerfile, Optional<String> generatedDockerfile,
        Optional<String> stack) {

    /** Where a generated Dockerfile goes in the build context: a dot directory no app tree uses. */
    public static final String GENERATED_DOCKERFILE = ".gantry/Dockerfile";

    static BuildPlan ownDockerfile(String reason) {
        return ownDockerfile(reason, BuildPlanner.DOCKERFILE);
    }

    /** The repository's own Dockerfile at {@code path} (heroku.yml may name another than Dockerfile). */
    static BuildPlan ownDockerfile(String reason, String path) {
        return new BuildPlan(BuildPlanner.DOCKERFILE_KIND, reason, path, Optional.empty(), Optional.empty());
    }

    static BuildPlan generated(String kind, String stack, String reason, String dockerfileText) {
        return new BuildPlan(kind, reason, GENERATED_DOCKERFILE, Optional.of(dockerfileText), Optional.of(stack));
    }

    /** For the push output: "from Dockerfile" or "with the node buildpack". */
    public String describe() {
        return generatedDockerfile.isPresent() ? "with the " + kind + " buildpack" : "from " + dockerfile;
    }

    /** What to change after a failed build, for the rejection message. */
    public String whatToFix() {
        return generatedDockerfile.isPresent() ? "the app (the build output above shows the error)" : "the Dockerfile";
    }
}
