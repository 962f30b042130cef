package dev.gantry.node;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the control plane asks of a node's runner: which instances (long-running containers of a
 * formation) it should run, and what it runs now. The runner keeps the desired instances and
 * reconciles the engine against them (see {@code NodeAgent}): an instance it was told to run and runs
 * stays as it is, whatever restarts around it; a container labelled for an app it was told about that
 * it should not run is removed. One-off runs ({@link NodeLabels#ONE_OFF}) are not instances.
 *
 * <p>Every method is idempotent, so a caller may repeat one whose answer it did not get.
 */
public interface NodeRunner {

    /**
     * Makes the instance {@code spec} describes desired and returns it as observed once started, with
     * the host port the engine chose. The spec carries {@link NodeLabels#APP} and, as its
     * {@link NodeLabels#INSTANCE} label, its own name. Placing a name that is already desired starts
     * nothing and returns the container that runs under it.
     *
     * @throws ContainerStartFailedException when the engine refuses to create or start it; it is then
     *         not desired either
     */
    RunningContainer place(ContainerSpec spec);

    /**
     * Makes the instance (by container id or name) no longer desired, then stops it (SIGTERM,
     * SIGKILL after {@code grace}) and removes it. Missing is fine.
     */
    void remove(String container, Duration grace);

    /** The instances (running or exited) carrying every given label, as the engine reports them now. */
    List<RunningContainer> instances(Map<String, String> labels);

    /** One instance by container id or name, as the engine reports it now; empty when there is none. */
    Optional<RunningContainer> instance(String container);

    /**
     * Tells the runner everything the app should run: its desired instances become exactly those of
     * {@code names} that exist, and every other instance of the app is stopped (with {@code grace})
     * and removed. From then on the runner also removes by itself any instance of the app that is not
     * desired, e.g. one whose removal a restart cut short. Until an app has been named here, the
     * runner leaves the app's containers it does not know alone (an upgrade from a Gantry without a
     * node runner must not lose running instances).
     *
     * @return the names of the containers removed
     */
    List<String> keepOnly(String app, Set<String> names, Duration grace);

    /** Who the runner is and what it holds, for status pages. */
    NodeStatus status();
}
