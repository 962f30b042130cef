package dev.gantry.node;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The hosts Gantry runs on, and how one more joins them. Until an operator forms a cluster
 * ({@code cluster:init}) there is one, the control plane's own; after, that host's engine manages a
 * cluster (a Docker Swarm) and other hosts join it as workers. Every method fails with
 * {@link EngineUnavailableException} when the engine cannot be reached.
 */
public interface NodeMembership {

    /** Where this host's engine stands now. */
    Standing standing();

    /**
     * Makes this host's engine the manager of a new cluster, which other hosts reach at
     * {@code advertiseAddress}, and whose manager counts a host down once it has missed a few
     * {@code heartbeat}s. To be called only while {@link #standing} is {@link Role#ALONE}.
     *
     * @throws IllegalStateException when the engine refuses (an address that is not this host's, say), with its reason
     */
    void form(String advertiseAddress, Duration heartbeat);

    /** What a new host needs to join as a worker; empty unless this host manages a cluster. */
    Optional<JoinTicket> joinTicket();

    /** Every host as the cluster's manager sees it now; until there is a cluster, this host alone, ready. */
    List<ClusterNode> nodes();

    /**
     * Sets labels of the host called {@code node} (its name, or its id in the cluster); a label given an
     * empty value is removed. Placement constraints ({@code ps:place}) match these labels.
     *
     * @throws IllegalArgumentException when no host is called so
     */
    void label(String node, Map<String, String> labels);

    /**
     * Whether the host called {@code node} takes instances.
     *
     * @throws IllegalArgumentException when no host is called so
     */
    void availability(String node, Availability availability);

    /**
     * Takes the host called {@code node} out of the cluster. Without {@code force}, only a host that
     * stopped answering (it left, or is gone) may be removed.
     *
     * @throws IllegalArgumentException when no host is called so
     * @throws IllegalStateException when the cluster refuses, with its reason
     */
    void remove(String node, boolean force);

    enum Availability {
        /** Takes new instances. */
        ACTIVE,
        /** Keeps what it runs, takes nothing new: what Gantry moves off a host lands elsewhere. */
        PAUSE,
        /** Takes nothing, and the cluster stops whatever still runs there. */
        DRAIN
    }

    enum Role {
        /** In no cluster. */
        ALONE,
        /** Manages a cluster. */
        MANAGER,
        /** A worker of a cluster another host manages. */
        WORKER,
        /** Joining, locked or broken: the engine's own word is in {@link Standing#detail}. */
        UNSETTLED
    }

    /** This host's role, the address it is known by in its cluster (empty when alone), and the engine's word for it. */
    record Standing(Role role, String address, String detail) {
    }

    /** A worker joins the manager at {@code managerAddress} ({@code host:port}) with {@code token}. */
    record JoinTicket(String managerAddress, String token) {

        @Override
        public String toString() {
            return "JoinTicket[" + managerAddress + "]";
        }
    }
}
