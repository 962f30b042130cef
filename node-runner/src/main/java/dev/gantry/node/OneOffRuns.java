package dev.gantry.node;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One-off runs of a release ({@code run APP -- CMD}, a release command): a container for one command,
 * attached to its caller's streams and removed once it exits. They are not instances: no node runner
 * keeps them, no route reaches them, and they carry {@link NodeLabels#ONE_OFF}. On one node they run
 * on its engine; over several, on a node the implementation picks, with the streams relayed from there.
 */
public interface OneOffRuns {

    /**
     * Runs {@code spec} attached to the caller's streams and returns its exit code once it has exited.
     * It gets what an instance gets (hardening, limits, labels, env, command, bounded logs) and publishes
     * nothing when the container port is 0. Output bytes are relayed unchanged, flushed as they come;
     * with {@code tty} a terminal is allocated and {@code stdout} carries everything it shows.
     * {@code stdin} may be null (the command reads end of input); otherwise it is read on another thread
     * until it ends, and its end closes the command's stdin (not with a TTY). The caller owns the
     * streams: none is closed here, so give a stdin that ends when the client goes away.
     *
     * <p>The run is removed before this returns or throws. When the calling thread is interrupted, or a
     * stream fails (the client hung up), the run gets SIGTERM, SIGKILL a second later, and is removed.
     *
     * @return the command's exit code (137 when killed, e.g. for exceeding its memory limit)
     * @throws ContainerStartFailedException when it cannot be created or started, or the command is not
     *         in the image ("... was not found in the image ..."); nothing is left behind
     * @throws OneOffAbortedException when the caller's side ended the run early (the interrupt flag stays set)
     */
    int run(ContainerSpec spec, InputStream stdin, OutputStream stdout, OutputStream stderr, boolean tty);

    /** The one-off runs (running or exited) carrying every given label; with none given, every run there is. */
    List<RunningContainer> list(Map<String, String> labels);

    /**
     * Stops a run (by container id or name: SIGTERM, SIGKILL after {@code grace}) and removes it, for a
     * run whose caller is gone or whose app is. Its caller's streams end. Missing is fine.
     */
    void remove(String run, Duration grace);
}
