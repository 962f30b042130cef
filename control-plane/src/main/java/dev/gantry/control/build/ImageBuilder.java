package dev.gantry.control.build;

import dev.gantry.build.BuildPlan;
import dev.gantry.build.context.BuildContextTar;
import dev.gantry.build.context.CommitArchive;
import dev.gantry.build.context.ContextIgnore;
import dev.gantry.build.context.ContextPipe;
import dev.gantry.build.context.UnsafeTreeException;
import dev.gantry.common.LineSink;
import dev.gantry.control.InvalidInputException;
import dev.gantry.node.BuiltImage;
import dev.gantry.node.ImageStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;

/**
 * Streams a commit's tree straight from the repository into the engine's build API (no checkout
 * on disk) and relays the build output line by line. A plan with a generated Dockerfile gets it
 * ahead of the tree in the same context, and its stack images built first when the node lacks them.
 */
@ApplicationScoped
public class ImageBuilder {

    private static final int PIPE_BUFFER = 256 * 1024;
    private static final String CACHE_TAG = "cache-";
    private static final String BUILD_TAG = "build-";

    private final ImageStore images;
    private final StackImages stackImages;

    ImageBuilder(ImageStore images, StackImages stackImages) {
        this.images = images;
        this.stackImages = stackImages;
    }

    /**
     * @throws InvalidInputException when the tree must not become a build (a symlink leaving it, a
     *         {@code .git} entry), with the reason and the fix; nothing reaches the engine then
     */
    public BuiltImage build(String app, long buildId, Repository repository, ObjectId commit, BuildPlan plan,
            BuildLog log) {
        ContextIgnore ignore = contextIgnore(repository, commit, plan);
        refuseUnsafeTree(repository, commit, ignore);
        plan.stack().ifPresent(stack -> stackImages.ensure(stack, log.client));
        long started = System.nanoTime();
        try (ContextPipe context = ContextPipe.start(out -> writeContext(plan, repository, commit, ignore, out),
                PIPE_BUFFER)) {
            BuiltImage image;
            try {
                // No labels: the classic builder adds a step and an image commit for each one, a tenth
                // of a second a push; the app's images are known by their repository instead.
                image = images.build(context.input(), plan.dockerfile(), repository(app) + ":" + BUILD_TAG + buildId,
                        Map.of(), log::line);
            } catch (RuntimeException engineError) {
                // A context whose writing failed ends in an error at the engine, which drops the build;
                // the writer's own reason is the one worth showing.
                throw context.failure().map(ImageBuilder::unchecked)
                        .orElse(plan.generatedDockerfile().isPresent() ? FailedStep.briefly(engineError) : engineError);
            }
            keepStagesForTheNextBuild(app, image);
            log.client.line("-----> Built " + image.tag() + " in " + Elapsed.since(started));
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException("could not stream the commit to the engine: " + e.getMessage(), e);
        }
    }

    /** The tree is checked whole before the engine sees a byte of it: a refused tree is never half built. */
    private static void refuseUnsafeTree(Repository repository, ObjectId commit, ContextIgnore ignore) {
        try {
            CommitArchive.check(repository, commit, ignore);
        } catch (UnsafeTreeException e) {
            throw new InvalidInputException(e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the pushed commit: " + e.getMessage(), e);
        }
    }

    /**
     * The earlier stages of a multi-stage build (a generated Dockerfile's dependency layer is in
     * one) stay untagged, so the garbage collector would take them as leftovers, and the next build
     * would download every dependency again. Tagged {@code gantry/APP:cache-N}, the newest build's
     * stages are kept; the stages of the build before lose their tags and are collected, which leaves
     * every layer the newest ones build on.
     */
    private void keepStagesForTheNextBuild(String app, BuiltImage image) {
        String repository = repository(app);
        for (int stage = 1; stage <= image.stages().size(); stage++) {
            images.tag(image.stages().get(stage - 1), repository + ":" + CACHE_TAG + stage);
        }
        for (String reference : images.tagsIn(repository)) {
            String tag = tagOf(reference);
            if (tag.matches(CACHE_TAG + "[0-9]+")
                    && Integer.parseInt(tag.substring(CACHE_TAG.length())) > image.stages().size()) {
                images.remove(reference);
            }
        }
    }

    /** Where the app's images are tagged: its builds ({@code build-N}) and their cached stages. */
    public static String repository(String app) {
        return "gantry/" + app;
    }

    /** Whether {@code reference} ({@code repository:tag}) names a build's image rather than a cached stage. */
    public static boolean isBuild(String reference) {
        return tagOf(reference).startsWith(BUILD_TAG);
    }

    private static String tagOf(String reference) {
        return reference.substring(reference.lastIndexOf(':') + 1);
    }

    private static RuntimeException unchecked(Exception e) {
        if (e instanceof UnsafeTreeException unsafe) {
            return new InvalidInputException(unsafe.getMessage());
        }
        return e instanceof RuntimeException runtime ? runtime
                : new UncheckedIOException("could not stream the commit to the engine: " + e.getMessage(),
                        e instanceof IOException io ? io : new IOException(e));
    }

    private static void writeContext(BuildPlan plan, Repository repository, ObjectId commit, ContextIgnore ignore,
            OutputStream out) throws IOException {
        BuildContextTar.writeGeneratedAhead(plan, out);
        CommitArchive.write(repository, commit, out, ignore);
    }

    /** What the repository's {@code .dockerignore} leaves out of the context, as {@code docker build} would. */
    private static ContextIgnore contextIgnore(Repository repository, ObjectId commit, BuildPlan plan) {
        try {
            return CommitArchive.readFile(repository, commit, ".dockerignore")
                    .map(bytes -> ContextIgnore.parse(new String(bytes, StandardCharsets.UTF_8), plan.dockerfile()))
                    .orElse(ContextIgnore.NONE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read .dockerignore from the pushed commit: " + e.getMessage(), e);
        }
    }

    /** Keeps the build's output (bounded) for the ledger while relaying each line to the client. */
    public static final class BuildLog {
        private static final int MAX_KEPT_CHARS = 1024 * 1024;

        private final StringBuilder kept = new StringBuilder();
        private final LineSink client;

        public BuildLog(LineSink client) {
            this.client = client;
        }

        public synchronized void line(String text) {
            client.line("       " + text);
            if (kept.length() + text.length() < MAX_KEPT_CHARS) {
                kept.append(text).append('\n');
            }
        }

        public synchronized String text() {
            return kept.toString();
        }
    }
}
