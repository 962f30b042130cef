package dev.gantry.node.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.DockerException;
import dev.gantry.node.BuildFailedException;
import dev.gantry.node.BuiltImage;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** One image build: sends the context, streams the output, and turns every way it can end into one outcome. */
final class ImageBuild {

    private static final Logger LOG = Logger.getLogger(ImageBuild.class);

    private final DockerClient client;
    private final String dockerHost;
    private final Duration timeout;

    ImageBuild(DockerClient client, String dockerHost, Duration timeout) {
        this.client = client;
        this.dockerHost = dockerHost;
        this.timeout = timeout;
    }

    BuiltImage run(InputStream context, String dockerfile, String tag, Map<String, String> labels,
            Consumer<String> output) {
        BuildProgress progress = new BuildProgress(output);
        try {
            client.buildImageCmd()
                    .withTarInputStream(context)
                    .withDockerfilePath(dockerfile)
                    .withTags(Set.of(tag))
                    .withLabels(labels)
                    .withPull(false)     // never re-pull a base image: there may be no registry at all
                    .withRemove(true)
                    .withForcerm(true)   // also remove the containers of failed steps
                    .exec(progress);
            boolean finished = progress.awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS);
            progress.finish();
            if (!finished) {
                closeQuietly(progress); // hanging up makes the engine cancel the build and its step
                removeLeftover(progress);
                throw new BuildFailedException("the build of " + tag + " did not finish within "
                        + humanReadable(timeout) + " and was cancelled", progress.step());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeQuietly(progress);
            throw new BuildFailedException("the build of " + tag + " was interrupted", progress.step());
        } catch (DockerException e) {
            // The engine refused the build before streaming it (e.g. a Dockerfile syntax error).
            throw new BuildFailedException(EngineFailures.engineMessage(e), progress.step());
        } catch (BuildFailedException e) {
            throw e;
        } catch (RuntimeException e) {
            if (progress.outputFailure() != null) {
                throw progress.outputFailure();
            }
            throw EngineFailures.translate(e, dockerHost);
        }
        if (progress.error() != null) {
            removeLeftover(progress);
            throw new BuildFailedException(progress.error(), progress.step());
        }
        // The stream only carries a short id; the tag now names exactly this image.
        try {
            return new BuiltImage(client.inspectImageCmd(tag).exec().getId(), tag, progress.stages());
        } catch (RuntimeException e) {
            throw EngineFailures.translate(e, dockerHost);
        }
    }

    /**
     * A failed build leaves the image of its last good step untagged, with the untagged steps
     * before it: removing it removes them too. One that another image builds on (a step an
     * earlier build shares) stays, as the engine refuses; so does a tagged one (the FROM image
     * when the first step failed). A leftover of a build cut off by a crash is the garbage
     * collector's.
     */
    private void removeLeftover(BuildProgress progress) {
        String image = progress.lastStepImage();
        if (image == null) {
            return;
        }
        try {
            List<String> tags = client.inspectImageCmd(image).exec().getRepoTags();
            if (tags != null && !tags.isEmpty()) {
                return;
            }
            client.removeImageCmd(image).exec();
        } catch (RuntimeException e) {
            LOG.debugf("kept image %s of a failed build: %s", image, e.getMessage());
        }
    }

    private static String humanReadable(Duration d) {
        return d.toString().substring(2).toLowerCase(Locale.ROOT); // PT30M -> 30m
    }

    private static void closeQuietly(BuildProgress progress) {
        try {
            progress.close();
        } catch (IOException ignored) {
            // the stream is being abandoned anyway
        }
    }
}
