package dev.gantry.control.deploy;

import dev.gantry.control.GantryConfig;
import dev.gantry.node.ContainerEngine;
import dev.gantry.node.ContainerSpec;
import dev.gantry.control.checks.Durations;
import dev.gantry.control.checks.HealthCheckSpec;
import dev.gantry.node.HealthCheck;
import dev.gantry.node.HealthCheckFailedException;
import dev.gantry.node.RunningContainer;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Starts one instance of a release and waits until it answers over HTTP. */
@ApplicationScoped
public class InstanceLauncher {

    /** Port the app listens on inside its container; the engine maps it to a free host port. */
    static final int CONTAINER_PORT = 5000;

    private final ContainerEngine engine;
    private final GantryConfig config;
    private final SecureRandom random = new SecureRandom();

    InstanceLauncher(ContainerEngine engine, GantryConfig config) {
        this.engine = engine;
        this.config = config;
    }

    public RunningContainer startWeb(RolloutTarget target) {
        String name = target.app() + "-web-" + target.label() + "-" + suffix();
        Map<String, String> env = new LinkedHashMap<>(target.config());
        env.put("PORT", Integer.toString(CONTAINER_PORT));
        env.put("GANTRY_APP", target.app());
        env.put("GANTRY_RELEASE", target.label());
        env.put("GANTRY_PROCESS_TYPE", "web");
        return engine.start(new ContainerSpec(name, target.image(), List.of(), env,
                InstanceLabels.of(target.app(), target.version(), "web", name), CONTAINER_PORT,
                config.node().advertiseAddress()));
    }

    /** Fails when the instance was gone before the engine could report a published port. */
    public void requireStarted(RunningContainer instance) {
        if (!instance.running() || instance.hostPort() == 0) {
            throw new HealthCheckFailedException("the container exited at once (exit code " + instance.exitCode() + ")");
        }
    }

    /** Blocks until the instance passes the release's health check; throws with the reason otherwise. */
    public void awaitHealthy(RunningContainer instance, HealthCheckSpec checks) {
        if (checks.disabled()) {
            awaitUptime(instance, checks);
            return;
        }
        HealthCheck.http(instance.hostAddress(), instance.hostPort(), checks.path(), checks.timeout())
                .waitUntilHealthy(checks.deadline(), checks.waitBetween(), () -> isRunning(instance));
    }

    public boolean isRunning(RunningContainer instance) {
        return engine.inspect(instance.id()).map(RunningContainer::running).orElse(false);
    }

    private void awaitUptime(RunningContainer instance, HealthCheckSpec checks) {
        try {
            Thread.sleep(checks.uptimeMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HealthCheckFailedException("interrupted while waiting out the uptime check");
        }
        if (!isRunning(instance)) {
            throw new HealthCheckFailedException("the container exited within " + Durations.format(checks.uptime())
                    + " (health checks are disabled, so only uptime is checked)");
        }
    }

    private String suffix() {
        byte[] bytes = new byte[3];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
