package dev.gantry.node;

import java.time.Duration;
import java.util.List;
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
