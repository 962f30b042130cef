package dev.gantry.node;

import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The port through which Gantry drives a node's container engine. Everything Gantry does to
 * containers and images goes through here, so another engine (Podman's Docker-compatible socket,
 * a remote node agent) only needs a new adapter.
 */
public interface ContainerEngine {

    /**
     * Fails with {@link EngineUnavailableException} when the engine does not answer. Every other
     * method fails the same way when the engine cannot be reached.
     */
    void ping();

    /**
     * Builds an image from a tar build context (Dockerfile at its root), tagging it {@code tag}
     * and labelling it. Each line of build output goes to {@code output} as soon as the engine
     * sends it, stripped of control characters other than colour codes, and cut at 4 KiB. Base
     * images present on the node are used as they are, never re-pulled. The caller owns the stream.
     *
     * @return the image id ({@code sha256:...}) and tag
     * @throws BuildFailedException with the engine's error when the build fails or exceeds its time limit
     */
    BuiltImage build(InputStream buildContext, String tag, Map<String, String> labels, Consumer<String> output);

    /**
     * Creates and starts a container, publishing {@link ContainerSpec#containerPort()} on
     * 127.0.0.1 (or the spec's host address) at a port the engine picks, and returns it as observed
     * after the start, so the caller routes to the real host port. The container runs with Gantry's
     * default hardening (few capabilities, no-new-privileges, a pids limit) and no restart policy.
     *
     * @throws ContainerStartFailedException when the engine refuses to create or start it; a
     *         container that was created is removed first
     */
    RunningContainer start(ContainerSpec spec);

    /**
     * Sends SIGTERM (or the image's STOPSIGNAL), waits up to {@code grace} (whole seconds, rounded
     * up), then SIGKILL; removes the container and its anonymous volumes. Missing is fine.
     */
    void stopAndRemove(String containerId, Duration grace);

    /** Containers (running or not) carrying every given label. */
    List<RunningContainer> list(Map<String, String> labels);

    /** Current view of one container, or empty when it no longer exists. */
    Optional<RunningContainer> inspect(String containerId);

    /**
     * The last {@code lines} lines of a container's stdout and stderr, sanitized like build output,
     * for error messages; empty when the container no longer exists.
     */
    String tail(String containerId, int lines);

    /** Removes an image by id or tag; missing or in use is not an error (reported as false). */
    boolean removeImage(String image);

    /** Versions of the engine and its runtime (runc), for warnings about known escapes. */
    EngineInfo info();

    /** Whether the engine has this image (by id or tag), so a container can start from it without a build. */
    boolean hasImage(String image);

    /** Ids of the images carrying every given label (images Gantry built are labelled by app). */
    List<String> listImages(Map<String, String> labels);
}
