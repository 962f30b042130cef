package dev.gantry.control.cluster;

import dev.gantry.control.ConflictException;
import dev.gantry.control.GantryConfig;
import dev.gantry.control.InvalidInputException;
import dev.gantry.node.NodeMembership;
import dev.gantry.node.NodeMembership.Standing;
import dev.gantry.node.RegistryLogin;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * The stories of forming a cluster ({@code cluster:init}) and of adding a host to it
 * ({@code cluster:join-command}).
 */
@ApplicationScoped
public class ClusterService {

    /**
     * How often workers tell the manager they are alive. Swarm counts a host down after a few missed
     * beats: at 2 s it did so 5-6 s after a host was cut off here (the default 5 s took 10-20 s), which
     * leaves most of the 30 s a lost host's instances may take to run elsewhere for pulling and starting
     * them, at the cost of one small message per host every 2 s.
     */
    static final Duration HEARTBEAT = Duration.ofSeconds(2);
    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");

    private final NodeMembership membership;
    private final ClusterRegistry registry;
    private final RegistrySupervisor supervisor;
    private final GantryConfig config;
    private final Event<ClusterFormed> formed;

    ClusterService(NodeMembership membership, ClusterRegistry registry, RegistrySupervisor supervisor, GantryConfig config,
            Event<ClusterFormed> formed) {
        this.membership = membership;
        this.registry = registry;
        this.supervisor = supervisor;
        this.config = config;
        this.formed = formed;
    }

    /** What cluster:init did: whether it formed the cluster now (false: this host managed it already), and the registry's address. */
    public record Initialized(String advertiseAddress, boolean formedNow, String registry) {
    }

    /**
     * Makes this host's engine the manager of a cluster other hosts reach at {@code advertiseAddress}, and
     * (re)starts the registry there with a fresh certificate. Safe to run again with the same address.
     */
    public Initialized init(String advertiseAddress) {
        if (advertiseAddress == null || !IPV4.matcher(advertiseAddress).matches()) {
            throw new InvalidInputException("'" + advertiseAddress + "' is not an IPv4 address. Give --advertise the"
                    + " address other hosts reach this one at (e.g. 10.0.0.11)");
        }
        Standing standing = membership.standing();
        boolean formedNow = switch (standing.role()) {
            case ALONE -> {
                form(advertiseAddress);
                yield true;
            }
            case MANAGER -> {
                if (!standing.address().equals(advertiseAddress)) {
                    throw new ConflictException("this host manages a cluster advertised at " + standing.address()
                            + " already. Run cluster:init --advertise " + standing.address() + ", or end that cluster"
                            + " first (docker swarm leave --force on this host)");
                }
                yield false;
            }
            case WORKER -> throw new ConflictException("this host's engine is a worker of a cluster another host"
                    + " manages. Leave it first (docker swarm leave), then run cluster:init again");
            case UNSETTLED -> throw new ConflictException("this host's engine is in a swarm that is " + standing.detail()
                    + ". Settle it first (docker swarm leave --force ends it), then run cluster:init again");
        };
        registry.prepare(advertiseAddress, config.cluster().registryPort());
        RegistryLogin login = registry.login().orElseThrow();
        supervisor.restart(login, registry.caCertificate());
        formed.fire(new ClusterFormed(advertiseAddress));
        return new Initialized(advertiseAddress, formedNow, login.address());
    }

    private void form(String advertiseAddress) {
        try {
            membership.form(advertiseAddress, HEARTBEAT);
        } catch (IllegalStateException refused) {
            throw new ConflictException("the engine would not form a cluster at " + advertiseAddress + ": "
                    + refused.getMessage() + ". Give --advertise an address of this host");
        }
    }

    /** The script that adds a host to the cluster ({@link JoinScript}). */
    public String joinScript() {
        var ticket = membership.joinTicket().orElseThrow(() -> new ConflictException(
                "this host manages no cluster yet. Run ./gantry cluster:init --advertise ADDR first"));
        RegistryLogin login = registry.login().orElseThrow(() -> new ConflictException(
                "the cluster has no registry yet. Run ./gantry cluster:init --advertise ADDR again"));
        return JoinScript.render(registry.caCertificate(), login, ticket);
    }
}
