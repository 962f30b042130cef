package dev.gantry.node;

import dev.gantry.common.LineSink;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The images Gantry starts instances and one-off runs from, and builds them into: each app's builds
 * ({@code gantry/APP:build-N}) and the stages kept for its next build, the stack images, and what a
 * failed build left behind. The control plane builds, names, checks and prunes images here only.
 *
 * <p>On one node this is the engine's own image store: an image is where it was built, which is where
 * its instances start. Over several nodes a build runs on one of them, and {@link #publish} is what
 * lets every other node start its image (through a registry).
 *
 * <p>Every method fails with {@link EngineUnavailableException} when the store cannot be reached.
 */
public interface ImageStore {

    /**
     * Builds an image from a tar build context whose Dockerfile is at {@code dockerfile} (a path inside
     * the context), tags it {@code tag} ({@code repository:tag}) and labels it. Each line of build
     * output goes to {@code progress} as soon as it is produced, stripped of control characters other
     * than colour codes and cut at 4 KiB. Images the build starts from that the store holds are used as
     * they are, never fetched again. The caller owns the stream.
     *
     * @return the image's id and tag, and the last image of every stage before the final one: those stay
     *         untagged, so whoever wants the next build to reuse them must {@link #tag} them
     * @throws BuildFailedException with the reason when the build fails or exceeds its time limit
     */
    BuiltImage build(InputStream context, String dockerfile, String tag, Map<String, String> labels,
            LineSink progress);

    /**
     * Makes a built image one that every node can start, and returns the reference instances and
     * one-off runs of it must be started from: the image a release records. To be called once a build
     * has succeeded, before a release of it is recorded; publishing an image again returns the same
     * reference. The store on one node has nothing to move (the image is where its instances start), so
     * the reference is its id. A store over several nodes pushes it to the registry and answers its
     * digest reference ({@code registry/gantry/APP@sha256:...}), so every node starts the very image that
     * was built, whatever its tag names by then.
     *
     * @throws EngineUnavailableException when the registry cannot be reached or refuses the image
     */
    String publish(BuiltImage image);

    /**
     * Makes an image some node {@link #publish}ed present where this store builds and runs one-off runs
     * (a stack image built on another node, say), so the next build or run need not wait for it.
     * Changes nothing when it is there already; on one node it is there or nowhere.
     *
     * @return whether the image is here now: false when no node published it or the registry lost it
     */
    boolean fetch(String reference);

    /**
     * Gives an image (by id or tag) the tag {@code reference} ({@code repository:tag}), moving the tag
     * from whichever image had it.
     */
    void tag(String image, String reference);

    /** Every {@code repository:tag} the store holds in {@code repository}. */
    List<String> tagsIn(String repository);

    /**
     * Whether the store has this image (by id, tag or the reference {@link #publish} gave), so an
     * instance can start from it without a build.
     */
    boolean has(String image);

    /** Removes an image by id or tag; missing or used by a container is not an error (reported as false). */
    boolean remove(String image);

    /** Ids of the images carrying every given label (stack images carry their definition's digest). */
    List<String> labelled(Map<String, String> labels);

    /**
     * Ids of the untagged images no other image builds on, made before {@code madeBefore}: what failed
     * builds leave behind (their last good step). A younger one may be a step of a build still running,
     * which removing it would break.
     */
    List<String> buildLeftovers(Instant madeBefore);

    /**
     * Runs {@code work} while no image is being {@link #publish}ed, holding new publishes until it is done:
     * for the registry's garbage collection, which would take the layers of a push under way for garbage
     * (they belong to no manifest until its last step). On one node, where nothing is published, it just runs.
     */
    default void whilePublishingHeld(Runnable work) {
        work.run();
    }
}
