package dev.gantry.node;

import java.io.Closeable;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The port through which Gantry drives one node's container engine, shaped like the engine's API.
 * The control plane never calls it: it asks for what it needs through {@link NodeRunner},
 * {@link ImageStore}, {@link InstanceLogs}, {@link OneOffRuns}, {@link AppResources} and
 * {@link NodeReport}, whose local implementations (package {@code local}) and the node agent drive
 * this. Another engine (Podman's Docker-compatible socket) only needs a new adapter.
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
    default BuiltImage build(InputStream buildContext, String tag, Map<String, String> labels, Consumer<String> output) {
        return build(buildContext, "Dockerfile", tag, labels, output);
    }

    /**
     * As {@link #build(InputStream, String, Map, Consumer)}, with the Dockerfile at {@code dockerfile},
     * a path inside the build context (e.g. one Gantry generated beside the app's files).
     */
    BuiltImage build(InputStream buildContext, String dockerfile, String tag, Map<String, String> labels,
            Consumer<String> output);

    /**
     * Creates and starts a container, publishing {@link ContainerSpec#containerPort()} on
     * 127.0.0.1 (or the spec's host address) at a port the engine picks, and returns it as observed
     * after the start, so the caller routes to the real host port; a container port of 0 publishes
     * nothing (host port 0). The container runs with Gantry's default hardening ({@link Isolation}'s
     * capabilities only, no-new-privileges, the engine's init as PID 1), on the spec's
     * {@link NetworkAttachment} (the network is made when it does not exist yet) with its aliases, a
     * read-only root filesystem and a tmpfs {@code /tmp} when the spec asks, the spec's {@link ResourceLimits} (memory
     * without swap, CPUs, pids: 512 unless set), no restart policy, and log files the engine rotates
     * (json-file, 3 files of 10 MB), so a chatty app cannot fill the node's disk.
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

    /** Containers (running or not) carrying the label {@code key}, whatever its value. */
    List<RunningContainer> listLabelled(String key);

    /** Current view of one container, or empty when it no longer exists. */
    Optional<RunningContainer> inspect(String containerId);

    /**
     * The last {@code lines} lines of a container's stdout and stderr, sanitized like build output,
     * for error messages; empty when the container no longer exists.
     */
    String tail(String containerId, int lines);

    /**
     * Follows a container's stdout and stderr from {@code since} (null: from its first line) until
     * the container stops or the returned handle is closed, whichever comes first. Each line goes
     * to {@code sink} with the time the engine recorded it, in the order it recorded them, without
     * its newline, stripped of control characters other than tabs and of escape sequences (colours
     * too), and cut at 4 KiB. A TTY container's lines all count as stdout.
     *
     * <p>Never blocks: the engine's stream thread calls {@code sink}, one line at a time, and a
     * slow sink holds back that container's stream only. When {@code sink} throws, following stops.
     * A container that does not exist (or is removed meanwhile) ends following at once, without an
     * error; so does an engine that cannot be reached or is lost, with a warning in the log (only
     * the first call to an engine, which negotiates the API version, throws
     * {@link EngineUnavailableException} instead). Closing the handle more than once is harmless.
     *
     * @return the handle that stops following when closed
     */
    Closeable followLogs(String containerId, Instant since, Consumer<LogLine> sink);

    /**
     * Runs {@code spec} as a one-off container attached to the caller's streams, and returns its
     * exit code once it has exited. The container gets everything {@link #start} gives (hardening,
     * limits, labels, env, command, bounded logs) and publishes nothing when the container port is
     * 0. Its output bytes are relayed unchanged, flushed as they come; with {@code tty} the engine
     * allocates a terminal and {@code stdout} carries everything it shows. {@code stdin} may be
     * null (the command reads end of input); otherwise the engine client reads it on its own
     * thread until it ends or the run is over, and its end closes the command's stdin (not with a
     * TTY, whose input stays open as on the engine's own terminals). The caller owns the streams:
     * none of them is closed here, so give a stdin that ends when the client goes away.
     *
     * <p>The container is removed before this returns or throws, whatever happened. When the
     * calling thread is interrupted, or {@code stdin} or an output stream fails (the client hung
     * up), the container gets SIGTERM, SIGKILL after a second, and is removed, and this throws
     * {@link OneOffAbortedException} (the interrupt flag stays set).
     *
     * @return the command's exit code (137 when killed, e.g. for exceeding its memory limit)
     * @throws ContainerStartFailedException when the engine refuses to create or start it, or the
     *         command is not found in the image ("... was not found in the image ..."; the engine's
     *         init has said so on stderr too); nothing is left behind
     * @throws OneOffAbortedException when the caller's side ended the run early
     */
    int runOneOff(ContainerSpec spec, InputStream stdin, OutputStream stdout, OutputStream stderr, boolean tty);

    /**
     * Gives an image (by id or tag) the tag {@code reference} ({@code repository:tag}), moving the
     * tag from whatever image had it.
     */
    void tagImage(String image, String reference);

    /**
     * Pushes {@code reference} ({@code repository:tag}, the repository naming its registry, e.g.
     * {@code 10.0.0.11:5000/gantry/shop:build-3}) to that registry with {@code login}'s credentials.
     *
     * @return the digest reference ({@code repository@sha256:...}) under which every engine pulls the
     *         very image pushed, whatever the tag names later
     * @throws EngineUnavailableException when the registry cannot be reached or refuses the push, with
     *         the registry's reason
     */
    String pushImage(String reference, RegistryLogin login);

    /**
     * Pulls {@code reference} (a {@link #pushImage} digest reference, or {@code repository:tag}) from its
     * registry with {@code login}'s credentials.
     *
     * @return false when the registry has no such image
     * @throws EngineUnavailableException when the registry cannot be reached or refuses the credentials
     */
    boolean pullImage(String reference, RegistryLogin login);

    /** Every {@code repository:tag} the engine holds in {@code repository}. */
    List<String> tagsIn(String repository);

    /** Removes an image by id or tag; missing or in use is not an error (reported as false). */
    boolean removeImage(String image);

    /** Versions of the engine and its runtime (runc), for warnings about known escapes. */
    EngineInfo info();

    /** What a running container takes now (one reading, no waiting); empty when it is gone or not running. */
    Optional<ContainerUsage> usage(String container);

    /** Whether the engine has this image (by id or tag), so a container can start from it without a build. */
    boolean hasImage(String image);

    /** Creates a named volume (kept until {@link #removeVolume}); an existing one is left as it is. */
    void createVolume(String name, Map<String, String> labels);

    /**
     * Removes a named volume and its data; missing is fine.
     *
     * @throws IllegalStateException when a container still uses it, saying so
     */
    void removeVolume(String name);

    /** Ids of the images carrying every given label (images Gantry built are labelled by app). */
    List<String> listImages(Map<String, String> labels);

    /**
     * Removes a network made for {@link NetworkAttachment}s; missing is fine.
     *
     * @throws IllegalStateException when a container is still attached to it, saying so
     */
    void removeNetwork(String name);

    /**
     * Attaches a running container to a network made for {@link NetworkAttachment}s (made now when it does
     * not exist yet), where it answers to {@code aliases} as well; already attached is fine.
     *
     * @throws IllegalStateException when the container does not exist, saying so
     */
    void connectNetwork(String network, String container, List<String> aliases);

    /**
     * Attaches a running container of this host to a cluster's overlay network (made now, attachable, when
     * it does not exist yet), where containers and tasks on every host reach it by {@code aliases}; already
     * attached is fine. Only on a swarm's manager.
     *
     * @throws IllegalStateException when the container does not exist, saying so
     */
    void connectOverlay(String overlay, String container, List<String> aliases);

    /** Detaches a container from a network; a container, network or attachment that is missing is fine. */
    void disconnectNetwork(String network, String container);

    /**
     * Ids of the untagged images no other image builds on, made before {@code createdBefore}: what
     * failed builds leave behind (their last good step). A younger one may be a step of a build still
     * running, which removing it would break.
     */
    List<String> danglingImages(Instant createdBefore);

    /** What images, containers and volumes take on the node's disk, with their labels. */
    DiskUsage diskUsage();
}
