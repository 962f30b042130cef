package dev.gantry.control.infra;

import dev.gantry.control.GantryConfig;
import dev.gantry.control.checks.Durations;
import dev.gantry.node.ContainerEngine;
import dev.gantry.node.NodeRunner;
import dev.gantry.node.agent.NodeAgent;
import dev.gantry.node.agent.NodeAgentClient;
import dev.gantry.node.agent.NodeToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Duration;

/**
 * The node runner the control plane tells what to run. By default it is its own process (started by
 * {@code ./gantry up}), reached over its HTTP interface with the node token, so that a restart of the
 * control plane never touches an instance. In {@code embedded} mode it runs inside the control plane
 * on the same engine, with the same saved state.
 */
@ApplicationScoped
public class NodeRunnerProducer {

    private static final Duration EMBEDDED_RECONCILE_PERIOD = Duration.ofSeconds(2);

    @Produces
    @Singleton
    NodeRunner nodeRunner(GantryConfig config, ContainerEngine engine) {
        if (config.node().mode() == GantryConfig.NodeMode.EMBEDDED) {
            return NodeAgent.open(engine, config.home().resolve("node").resolve("desired.json"), "local", 0)
                    .start(EMBEDDED_RECONCILE_PERIOD);
        }
        return new NodeAgentClient(URI.create("http://127.0.0.1:" + config.node().runnerPort()),
                NodeToken.read(config.home()), Durations.parse("gantry.node.runner-patience", config.node().runnerPatience()));
    }

    void close(@Disposes NodeRunner runner) {
        if (runner instanceof NodeAgent embedded) {
            embedded.close();
        }
    }
}
