package dev.gantry.control.cluster;

import dev.gantry.common.LineSink;
import dev.gantry.control.ConflictException;
import dev.gantry.control.InvalidInputException;
import dev.gantry.control.formation.RestartService;
import dev.gantry.node.ClusterNode;
import dev.gantry.node.NodeLabels;
import dev.gantry.node.NodeMembership;
import dev.gantry.node.NodeRunner;
import dev.gantry.node.RunningContainer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The stories of changing a host of the cluster: labelling it ({@code nodes:label}), moving everything
 * off it ({@code nodes:drain}) and taking it out ({@code nodes:remove}).
 */
@ApplicationScoped
public class NodeService {

    private final NodeMembership membership;
    private final NodeRunner runner;
    private final RestartService restarts;

    NodeService(NodeMembership membership, NodeRunner runner, RestartService restarts) {
        this.membership = membership;
        this.runner = runner;
        this.restarts = restarts;
    }

    /** Sets labels of a host ({@code key=} removes one); returns all its labels now. */
    public Map<String, String> label(String name, List<String> assignments) {
        Map<String, String> labels = HostLabels.parse(assignments, true, "zone=a");
        if (labels.isEmpty()) {
            throw new InvalidInputException("no label given. Write e.g. nodes:label " + name
                    + " zone=a (zone= removes it)");
        }
        ClusterHosts.of(membership).named(name);
        membership.label(name, labels);
        return ClusterHosts.of(membership).named(name).labels();
    }

    /**
     * Moves every instance off a host and leaves it taking none. The host first stops taking new
     * instances (it keeps running what it has); then each app's instances there are replaced one at a
     * time, each replacement healthy and routed before the old one drains; only then does the cluster
     * count the host drained. Returns how many instances moved.
     */
    public int drain(String name, String user, LineSink progress) {
        ClusterHosts hosts = ClusterHosts.of(membership);
        hosts.named(name);
        membership.availability(name, NodeMembership.Availability.PAUSE);
        int moved = 0;
        for (String app : appsOn(hosts, name)) {
            moved += restarts.move(app, instance -> hosts.runs(instance.container(), name),
                    "moving %d instance(s) off " + name + " (nodes:drain by " + user + ")", progress);
        }
        membership.availability(name, NodeMembership.Availability.DRAIN);
        return moved;
    }

    /**
     * Takes a host out of the cluster. Without {@code force} it must run no instance (drain it first)
     * and must have left the cluster itself ({@code docker swarm leave} there), or be gone; with it, the
     * host is taken out as it is, and whatever it ran is lost and replaced, as for a host that went down.
     */
    public void remove(String name, boolean force) {
        ClusterHosts hosts = ClusterHosts.of(membership);
        ClusterNode host = hosts.named(name);
        if (host.self()) {
            throw new ConflictException(name + " is this host, the cluster's manager: it cannot leave the cluster it"
                    + " manages");
        }
        long running = runner.instances(Map.of()).stream().filter(RunningContainer::running)
                .filter(instance -> hosts.runs(instance, name)).count();
        if (!force && running > 0) {
            throw new ConflictException(name + " runs " + running + " instance(s). Move them first with nodes:drain "
                    + name + " (or nodes:remove " + name + " --force: they are then replaced elsewhere, as for a lost host)");
        }
        if (!force && host.state() != ClusterNode.State.DOWN) {
            throw new ConflictException(name + " still answers the cluster. Run 'docker swarm leave' on it first, then"
                    + " nodes:remove " + name + " again (or add --force)");
        }
        try {
            membership.remove(name, force);
        } catch (IllegalStateException refused) {
            throw new ConflictException("the cluster would not remove " + name + ": " + refused.getMessage());
        }
    }

    private List<String> appsOn(ClusterHosts hosts, String name) {
        return List.copyOf(new TreeSet<>(runner.instances(Map.of()).stream()
                .filter(instance -> hosts.runs(instance, name))
                .map(instance -> instance.labels().get(NodeLabels.APP)).toList()));
    }
}
