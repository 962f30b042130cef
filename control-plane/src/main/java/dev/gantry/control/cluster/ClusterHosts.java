package dev.gantry.control.cluster;

import dev.gantry.control.ConflictException;
import dev.gantry.control.NotFoundException;
import dev.gantry.node.ClusterNode;
import dev.gantry.node.NodeMembership;
import dev.gantry.node.RunningContainer;
import java.util.List;
import java.util.Optional;

/** The cluster's hosts as its manager sees them at one moment, and which of them runs an instance. */
record ClusterHosts(List<ClusterNode> all) {

    ClusterHosts {
        all = List.copyOf(all);
    }

    /** The hosts now; the commands that change hosts need this host to manage a cluster. */
    static ClusterHosts of(NodeMembership membership) {
        if (membership.standing().role() != NodeMembership.Role.MANAGER) {
            throw new ConflictException("this host manages no cluster yet. Run ./gantry cluster:init --advertise ADDR"
                    + " first, then add hosts with ./gantry cluster:join-command");
        }
        return new ClusterHosts(membership.nodes());
    }

    ClusterNode named(String name) {
        return all.stream().filter(node -> node.name().equals(name)).findFirst()
                .orElseThrow(() -> new NotFoundException("no host of the cluster is called '" + name + "'. nodes lists"
                        + " them: " + String.join(", ", all.stream().map(ClusterNode::name).toList())));
    }

    /**
     * The host an instance runs on: the one it names, or this host for an instance that names none,
     * which this host's own runner started (before the cluster).
     */
    Optional<ClusterNode> of(RunningContainer instance) {
        Optional<ClusterNode> named = all.stream().filter(node -> node.name().equals(instance.node())).findFirst();
        // A lost instance names a host that is down or gone, never this one.
        return named.isPresent() || instance.nodeDown() ? named : all.stream().filter(ClusterNode::self).findFirst();
    }

    /** Whether the instance runs on the host called {@code name}. */
    boolean runs(RunningContainer instance, String name) {
        return of(instance).map(ClusterNode::name).filter(name::equals).isPresent();
    }
}
