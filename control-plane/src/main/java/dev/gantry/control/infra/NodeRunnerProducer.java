package dev.gantry.control.infra;

import dev.gantry.control.GantryConfig;
import dev.gantry.control.cluster.ClusterRegistry;
import dev.gantry.control.checks.Durations;
import dev.gantry.node.ContainerEngine;
import dev.gantry.node.NodeRunner;
import dev.gantry.node.agent.NodeAgent;
import dev.gantry.node.agent.NodeAgentClient;
import dev.gantry.node.agent.NodeToken;
import dev.gantry.node.docker.DockerEngine;
import dev.gantry.node.docker.DockerSwarm;
import dev.gantry.node.docker.SwarmRunner;
import dev.gantry.node.local.ManagerRunner;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Duration;

/**
 * The node runner the control plane tells what to run. On this host it runs by default inside the
 * control plane, on the same engine and saved state a runner of its own would use, so a restart of the
 * control plane adopts every instance as it is and touches none. In {@code process} mode it is its own
 * process (started by {@code ./gantry up} or its unit), reached over its HTTP interface with the node
 * token. Once {@code cluster:init} has made this
 * host a cluster's manager (and set up the registry every host pulls from), new instances are Swarm
 * services placed over the cluster's hosts, whose state Swarm keeps, and those started here before keep
 * running until they are retired ({@link ManagerRunner}).
 */
@ApplicationScoped
public class NodeRunnerProducer {

    private static final Duration EMBEDDED_RECONCILE_PERIOD = Duration.ofSeconds(2);

    private NodeAgent embedded;

    @Produces
    @Singleton
    NodeRunner nodeRunner(GantryConfig config, DockerEngine engine, DockerSwarm swarm, ClusterRegistry registry) {
        return new ManagerRunner(hostRunner(config, engine), new SwarmRunner(engine, swarm, registry::login),
                () -> registry.login().isPresent());
    }

    private NodeRunner hostRunner(GantryConfig config, ContainerEngine engine) {
        if (config.node().mode() == GantryConfig.NodeMode.EMBEDDED) {
            embedded = NodeAgent.open(engine, config.home().resolve("node").resolve("desired.json"), "local", 0)
                    .start(EMBEDDED_RECONCILE_PERIOD);
            return embedded;
        }
        return new NodeAgentClient(URI.create("http://127.0.0.1:" + config.node().runnerPort()),
                NodeToken.read(config.home()), Durations.parse("gantry.node.runner-patience", config.node().runnerPatience()));
    }

    void close(@Disposes NodeRunner runner) {
        if (embedded != null) {
            embedded.close();
        }
    }
}
