package dev.gantry.control.cluster;

import dev.gantry.node.ClusterNode;
import dev.gantry.node.NodeMembership;
import dev.gantry.node.NodeRunner;
import dev.gantry.node.RegistryLogin;
import dev.gantry.node.RunningContainer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The story of {@code nodes}: every host, its state and labels, what it runs and what it can hold. */
@ApplicationScoped
public class NodeList {

    private final NodeMembership membership;
    private final NodeRunner runner;
    private final ClusterRegistry registry;

    NodeList(NodeMembership membership, NodeRunner runner, ClusterRegistry registry) {
        this.membership = membership;
        this.runner = runner;
        this.registry = registry;
    }

    /**
     * One host. {@code state}: ready, down or drained; {@code instances}: the app instances running there;
     * {@code manager}: it manages the cluster; {@code self}: the control plane runs there.
     */
    public record Node(String name, String address, String state, Map<String, String> labels, int instances,
            double cpus, long memoryBytes, boolean manager, boolean self) {
    }

    /** The hosts, this one first, then by name, and the cluster's registry ({@code HOST:PORT}) once there is one. */
    public record Nodes(List<Node> nodes, Optional<String> registry) {
    }

    public Nodes list() {
        // Until instances are placed through the cluster, every one runs where the control plane's node runner does.
        int here = (int) runner.instances(Map.of()).stream().filter(RunningContainer::running).count();
        List<Node> nodes = membership.nodes().stream()
                .sorted((a, b) -> a.self() != b.self() ? (a.self() ? -1 : 1) : a.name().compareTo(b.name()))
                .map(node -> new Node(node.name(), node.address(), node.state().word(), new TreeMap<>(node.labels()),
                        node.self() ? here : 0, node.cpus(), node.memoryBytes(), node.manager(), node.self()))
                .toList();
        return new Nodes(nodes, registry.login().map(RegistryLogin::address));
    }
}
