package dev.gantry.control.deploy;

import dev.gantry.control.GantryConfig;
import dev.gantry.node.ContainerEngine;
import dev.gantry.node.ContainerSpec;
import dev.gantry.node.HealthCheck;
import dev.gantry.node.RunningContainer;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Starts one instance of a release and waits until it answers over HTTP. */
@ApplicationScoped
public class InstanceLauncher {

    /** Port the app listens on inside its container; the engine maps it to a free host port. */
    static final int CONTAINER_PORT = 5000;
    private static final Duration CHECK_INTERVAL = Duration.ofMillis(200);
    private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(5);

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

    /** Blocks until the instance answers GET / with a status below 500; throws with the reason otherwise. */
    public void awaitHealthy(RunningContainer instance) {
        HealthCheck.http(instance.hostAddress(), instance.hostPort(), "/", ATTEMPT_TIMEOUT)
                .waitUntilHealthy(config.deploy().healthTimeout(), CHECK_INTERVAL,
                        () -> engine.inspect(instance.id()).map(RunningContainer::running).orElse(false));
    }

    private String suffix() {
        byte[] bytes = new byte[3];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
