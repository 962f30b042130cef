package dev.gantry.control.instances;

import dev.gantry.build.ProcessTypes;
import dev.gantry.common.LineSink;
import dev.gantry.control.DaemonThreads;
import dev.gantry.control.GantryConfig;
import dev.gantry.control.apps.AppNetwork;
import dev.gantry.control.checks.Durations;
import dev.gantry.control.checks.HealthCheckSpec;
import dev.gantry.control.releases.RolloutTarget;
import dev.gantry.node.ContainerSpec;
import dev.gantry.node.HealthCheckFailedException;
import dev.gantry.node.NodeLabels;
import dev.gantry.node.NodeRunner;
import dev.gantry.node.RunningContainer;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Starts one instance of a release in a slot ({@code web.2}) on the node runner and waits until it is
 * ready: a web instance answers its health check, any other type is still running after a moment.
 */
@ApplicationScoped
public class InstanceLauncher {

    /** Port the app listens on inside its container; the engine maps it to a free host port. */
    static final int CONTAINER_PORT = 5000;
    /** How long a non-web instance must stay up to count as started: catches a command that exits at once. */
    public static final Duration WORKER_SETTLE = Duration.ofSeconds(1);

    /** How often a start that takes long (a host of the cluster pulling the image) says it is still under way. */
    static final Duration STILL_STARTING_EVERY = Duration.ofSeconds(10);

    private final NodeRunner nodes;
    private final GantryConfig config;
    private final ScheduledExecutorService reminders = Executors.newSingleThreadScheduledExecutor(
            DaemonThreads.named("instance-start-progress"));
    private static final SecureRandom RANDOM = new SecureRandom();

    InstanceLauncher(NodeRunner nodes, GantryConfig config) {
        this.nodes = nodes;
        this.config = config;
    }

    /** {@code progress} hears every {@link #STILL_STARTING_EVERY} that the start is still under way. */
    public AppInstance start(RolloutTarget target, String type, int index, LineSink progress) {
        String name = target.app() + "-" + type + "-" + target.label() + "-" + index + "-" + suffix();
        Map<String, String> env = environment(target, type, type + "." + index);
        boolean web = ProcessTypes.WEB.equals(type);
        Map<String, String> labels = new HashMap<>(InstanceLabels.of(target.app(), target.version(), type, index, name));
        // For the node runner, should it have to stop the instance on its own (a removal a restart cut short).
        labels.put(NodeLabels.STOP_GRACE, Long.toString((target.policy().stopGrace().toMillis() + 999) / 1000));
        ContainerSpec spec = new ContainerSpec(name, target.image(),
                commandOf(target.processTypes().commands().get(type)), env, labels, web ? CONTAINER_PORT : 0,
                config.node().advertiseAddress(), target.limits(type), target.mounts(type),
                AppNetwork.forInstance(target.app(), type, index), target.readOnlyRoot(), target.placement(type));
        Instant began = Instant.now();
        ScheduledFuture<?> reminder = reminders.scheduleAtFixedRate(() -> progress.line("       " + type + "." + index
                + " of " + target.label() + " is not running yet after " + Duration.between(began, Instant.now()).toSeconds()
                + " s (on a cluster, its host may still be pulling the image)"), STILL_STARTING_EVERY.toMillis(),
                STILL_STARTING_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        try {
            return AppInstance.of(nodes.place(spec));
        } finally {
            reminder.cancel(false);
        }
    }

    @PreDestroy
    void stop() {
        reminders.shutdownNow();
    }

    /** The release's config plus what Gantry tells every container about itself (Heroku's PORT and DYNO). */
    private static Map<String, String> environment(RolloutTarget target, String type, String instance) {
        Map<String, String> env = new LinkedHashMap<>(target.config());
        env.put("PORT", Integer.toString(CONTAINER_PORT));
        env.put("GANTRY_APP", target.app());
        env.put("GANTRY_RELEASE", target.label());
        env.put("GANTRY_PROCESS_TYPE", type);
        env.put("GANTRY_INSTANCE", instance);
        return env;
    }

    /**
     * A one-off container of the release ({@code run}, the release command): its config, the
     * app-wide volumes, network and root filesystem setting, no port, Gantry's default limits, and
     * the label that keeps it out of the formation.
     */
    public ContainerSpec oneOff(RolloutTarget target, String type, List<String> command) {
        String id = suffix();
        String name = target.app() + "-" + type + "-" + target.label() + "-" + id;
        Map<String, String> labels = new HashMap<>(InstanceLabels.of(target.app(), target.version(), type, 1, name));
        labels.put(InstanceLabels.ONE_OFF, "true");
        return new ContainerSpec(name, target.image(), command, environment(target, type, type + "." + id), labels, 0,
                config.node().advertiseAddress(), RolloutTarget.DEFAULT_LIMITS, target.mounts(type),
                AppNetwork.forOneOff(target.app()), target.readOnlyRoot());
    }

    /** A short random part that keeps container names unique. */
    private static String suffix() {
        byte[] bytes = new byte[3];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /**
     * A web instance must pass the release's health check; other types must stay up for a moment.
     * While a web instance is waited for, {@code progress} hears every few seconds what it answers.
     */
    public void awaitReady(AppInstance instance, RolloutTarget target, LineSink progress) {
        requireStarted(instance);
        if (instance.isWeb()) {
            awaitHealthy(instance, target, progress);
        } else {
            awaitUptime(instance.container(), WORKER_SETTLE, "a " + instance.type()
                    + " instance must still run " + Durations.format(WORKER_SETTLE) + " after its start");
        }
    }

    /** A Procfile command runs through a shell, as on Heroku; none means the image's CMD. */
    private static List<String> commandOf(String command) {
        return command == null || command.isEmpty() ? List.of() : List.of("/bin/sh", "-c", command);
    }

    /** Fails when the instance was gone before the engine could report it running (and a web one, its port). */
    private static void requireStarted(AppInstance instance) {
        RunningContainer container = instance.container();
        if (!container.running() || (instance.isWeb() && container.hostPort() == 0)) {
            throw new HealthCheckFailedException("the container exited at once (exit code " + container.exitCode() + ")");
        }
    }

    /** Blocks until the instance passes the release's health check; throws with the reason otherwise. */
    private void awaitHealthy(AppInstance instance, RolloutTarget target, LineSink progress) {
        RunningContainer container = instance.container();
        HealthCheckSpec checks = target.checks();
        if (checks.disabled()) {
            awaitUptime(container, checks.uptime(), "health checks are disabled, so only uptime is checked");
            return;
        }
        try {
            checks.probe(container.hostAddress(), container.hostPort(), checks.timeout())
                    .waitUntilHealthy(checks.deadline(), checks.waitBetween(), () -> isRunning(container),
                            (waited, lastSeen) -> progress.line("       " + instance.slot() + " has not answered yet after "
                                    + Durations.format(Duration.ofSeconds(waited.toSeconds())) + " of "
                                    + Durations.format(checks.deadline()) + " (last seen: " + lastSeen + ")"));
        } catch (HealthCheckFailedException e) {
            if (e.answered() || e.lastSeen() == null || !isRunning(container)) {
                throw e;
            }
            // Up, yet not one HTTP answer: the likeliest cause is an app listening on a port of its own.
            // The longer wait it may need: the boot time, unless the attempts ran out first.
            String longer = checks.deadline().equals(checks.boot())
                    ? "boot=" + Durations.format(checks.boot().multipliedBy(2))
                    : "attempts=" + checks.attempts() * 2;
            throw new HealthCheckFailedException("nothing answered on PORT=" + CONTAINER_PORT + " within "
                    + Durations.format(checks.deadline()) + " (last seen: " + e.lastSeen() + "): does the app listen"
                    + " on $PORT? If it only starts slowly, give it longer: checks:set " + target.app() + " " + longer,
                    e.lastSeen(), false);
        }
    }

    private boolean isRunning(RunningContainer instance) {
        return nodes.instance(instance.id()).map(RunningContainer::running).orElse(false);
    }

    /** Waits until the container has been up for {@code uptime} since it started (not since this call). */
    private void awaitUptime(RunningContainer instance, Duration uptime, String why) {
        Instant upSince = instance.startedAt() == null ? Instant.now() : instance.startedAt();
        long remaining = Duration.between(Instant.now(), upSince.plus(uptime)).toMillis();
        try {
            Thread.sleep(Math.max(0, Math.min(remaining, uptime.toMillis())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HealthCheckFailedException("interrupted while waiting out the uptime check");
        }
        if (!isRunning(instance)) {
            throw new HealthCheckFailedException("the container exited within " + Durations.format(uptime) + " ("
                    + why + ")");
        }
    }

}
