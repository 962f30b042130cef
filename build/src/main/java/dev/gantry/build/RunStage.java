package dev.gantry.build;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The last stage of every generated Dockerfile: the run image, the app's files owned by the
 * unprivileged app user, and how the web process starts. The copies come last, so a push that
 * changes only the app's files rebuilds only them.
 */
final class RunStage {

    /** The run images' user {@code app}; numeric, so an operator's own run image needs no such user. */
    static final String APP_USER = "1000:1000";

    private final String runImage;
    private final List<String> env = new ArrayList<>();
    private final List<String> copies = new ArrayList<>();
    private Optional<String> command = Optional.empty();

    RunStage(String runImage) {
        this.runImage = runImage;
    }

    /** Whether the tree's Procfile declares {@code web}, which then starts the app instead of the image's CMD. */
    static boolean procfileDeclaresWeb(SourceTree tree) {
        return tree.read(Procfile.FILE_NAME)
                .map(text -> Procfile.parse(text).commands().containsKey(ProcessTypes.WEB))
                .orElse(false);
    }

    RunStage env(String assignments) {
        env.add(assignments);
        return this;
    }

    /** The CMD's arguments, exec or shell form: how web starts unless the Procfile says otherwise. */
    RunStage command(String arguments) {
        command = Optional.of(arguments);
        return this;
    }

    /**
     * The CMD the buildpack found ({@code found}), or none when the Procfile declares web; with
     * neither, refuses the build, telling what to add.
     */
    RunStage commandOrProcfileWeb(Optional<String> found, SourceTree tree, String whatToAdd) {
        found.ifPresent(this::command);
        if (found.isEmpty() && !procfileDeclaresWeb(tree)) {
            throw new NoBuildPlanException(whatToAdd);
        }
        return this;
    }

    /** Copies {@code source} of the build stage to {@code target}, owned by the app user. */
    RunStage copyFromBuild(String source, String target) {
        return copyFromStage("build", source, target);
    }

    /** Copies {@code source} of the named stage to {@code target}, owned by the app user. */
    RunStage copyFromStage(String stage, String source, String target) {
        copies.add("COPY --from=" + stage + " --chown=" + APP_USER + " " + source + " " + target);
        return this;
    }

    /** Copies {@code source} of the build context (the pushed tree), owned by the app user. */
    RunStage copyFromTree(String source, String target) {
        copies.add("COPY --chown=" + APP_USER + " " + source + " " + target);
        return this;
    }

    void appendTo(DockerfileText dockerfile) {
        dockerfile.line("FROM " + runImage).line("WORKDIR /app");
        env.forEach(assignments -> dockerfile.line("ENV " + assignments));
        dockerfile.line("USER " + APP_USER);
        command.ifPresentOrElse(arguments -> dockerfile.line("CMD " + arguments),
                () -> dockerfile.comment("No CMD: the Procfile's web process starts the app"));
        copies.forEach(dockerfile::line);
    }
}
