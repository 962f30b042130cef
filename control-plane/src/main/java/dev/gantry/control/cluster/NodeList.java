package dev.gantry.control.cluster;

import dev.gantry.node.NodeMembership;
import dev.gantry.node.NodeRunner;
import dev.gantry.node.RegistryLogin;
import dev.gantry.node.RunningContainer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
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

        /** The CPUs as {@code nodes} and the console show them: whole, or with one decimal (a limited host). */
        public String describeCpus() {
            return cpus == Math.rint(cpus) ? Long.toString((long) cpus) : String.format(Locale.ROOT, "%.1f", cpus);
        }
    }

    /**
     * The hosts, this one first, then by name; the cluster's registry ({@code HOST:PORT}) once there is one;
     * and the instances running on each host, by its name (apps' and backing services').
     */
    public record Nodes(List<Node> nodes, Optional<String> registry, Map<String, List<RunningContainer>> running) {

        public List<RunningContainer> runningOn(String host) {
            return running.getOrDefault(host, List.of());
        }
    }

    public Nodes list() {
        ClusterHosts hosts = new ClusterHosts(membership.nodes());
        Map<String, List<RunningContainer>> running = new HashMap<>();
        runner.instances(Map.of()).stream().filter(RunningContainer::running).forEach(instance -> hosts.of(instance)
                .ifPresent(host -> running.computeIfAbsent(host.name(), name -> new ArrayList<>()).add(instance)));
        List<Node> nodes = hosts.all().stream()
                .sorted((a, b) -> a.self() != b.self() ? (a.self() ? -1 : 1) : a.name().compareTo(b.name()))
                .map(node -> new Node(node.name(), node.address(), node.state().word(), new TreeMap<>(node.labels()),
                        running.getOrDefault(node.name(), List.of()).size(), node.cpus(), node.memoryBytes(),
                        node.manager(), node.self()))
                .toList();
        return new Nodes(nodes, registry.login().map(RegistryLogin::address), Map.copyOf(running));
    }
}
