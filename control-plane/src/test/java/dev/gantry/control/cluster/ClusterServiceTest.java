package dev.gantry.control.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gantry.control.ConflictException;
import dev.gantry.control.InvalidInputException;
import dev.gantry.node.ClusterNode;
import dev.gantry.node.NodeMembership;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What cluster:init refuses before it touches anything; forming a cluster runs on real engines in tests/cluster. */
class ClusterServiceTest {

    private static ClusterService on(NodeMembership.Standing standing) {
        NodeMembership membership = new NodeMembership() {
            @Override
            public Standing standing() {
                return standing;
            }

            @Override
            public void form(String advertiseAddress, Duration heartbeat) {
                throw new AssertionError("no cluster may be formed here");
            }

            @Override
            public Optional<JoinTicket> joinTicket() {
                return Optional.empty();
            }

            @Override
            public List<ClusterNode> nodes() {
                return List.of();
            }

            @Override
            public void label(String node, Map<String, String> labels) {
                throw new AssertionError("no host may be changed here");
            }

            @Override
            public void availability(String node, Availability availability) {
                throw new AssertionError("no host may be changed here");
            }

            @Override
            public void remove(String node, boolean force) {
                throw new AssertionError("no host may be changed here");
            }
        };
        return new ClusterService(membership, null, null, null, null);
    }

    private static final NodeMembership.Standing ALONE = new NodeMembership.Standing(NodeMembership.Role.ALONE, "", "inactive");

    @Test
    void theAdvertisedAddressIsAnIpv4Address() {
        for (String bad : new String[] {"eth0", "10.0.0.256", "10.0.0.11:2377", "", "fd00::2"}) {
            InvalidInputException refused = assertThrows(InvalidInputException.class, () -> on(ALONE).init(bad));
            assertEquals("'" + bad + "' is not an IPv4 address. Give --advertise the address other hosts reach this"
                    + " one at (e.g. 10.0.0.11)", refused.getMessage());
        }
    }

    @Test
    void aHostInAnotherClusterOrManagingOneAtAnotherAddressIsRefusedWithTheWayOut() {
        assertEquals("this host manages a cluster advertised at 10.0.0.11 already. Run cluster:init --advertise"
                + " 10.0.0.11, or end that cluster first (docker swarm leave --force on this host)",
                assertThrows(ConflictException.class, () -> on(new NodeMembership.Standing(NodeMembership.Role.MANAGER,
                        "10.0.0.11", "active")).init("10.0.0.12")).getMessage());
        assertEquals("this host's engine is a worker of a cluster another host manages. Leave it first"
                + " (docker swarm leave), then run cluster:init again",
                assertThrows(ConflictException.class, () -> on(new NodeMembership.Standing(NodeMembership.Role.WORKER,
                        "10.0.0.12", "active")).init("10.0.0.12")).getMessage());
        assertEquals("this host's engine is in a swarm that is locked. Settle it first (docker swarm leave --force"
                + " ends it), then run cluster:init again",
                assertThrows(ConflictException.class, () -> on(new NodeMembership.Standing(NodeMembership.Role.UNSETTLED,
                        "", "locked")).init("10.0.0.12")).getMessage());
    }

    @Test
    void aJoinScriptNeedsAClusterFirst() {
        assertEquals("this host manages no cluster yet. Run ./gantry cluster:init --advertise ADDR first",
                assertThrows(ConflictException.class, () -> on(ALONE).joinScript()).getMessage());
    }
}
