package dev.gantry.node.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.dockerjava.api.model.LocalNodeState;
import com.github.dockerjava.api.model.SwarmInfo;
import com.github.dockerjava.api.model.SwarmNode;
import com.github.dockerjava.api.model.SwarmNodeAvailability;
import com.github.dockerjava.api.model.SwarmNodeDescription;
import com.github.dockerjava.api.model.SwarmNodeManagerStatus;
import com.github.dockerjava.api.model.SwarmNodeResources;
import com.github.dockerjava.api.model.SwarmNodeSpec;
import com.github.dockerjava.api.model.SwarmNodeState;
import com.github.dockerjava.api.model.SwarmNodeStatus;
import dev.gantry.node.ClusterNode;
import dev.gantry.node.NodeMembership;
import dev.gantry.node.NodeMembership.Role;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How a swarm's words become Gantry's; the swarm itself is tested with real engines in tests/cluster. */
class DockerSwarmTest {

    private static SwarmNode node(String id, SwarmNodeState state, SwarmNodeAvailability availability, String address) {
        return new SwarmNode().withId(id)
                .withSpec(new SwarmNodeSpec().withAvailability(availability).withLabels(Map.of("zone", "a")))
                .withStatus(new SwarmNodeStatus().withState(state).withAddress(address))
                .withDescription(new SwarmNodeDescription().withHostname("host-" + id)
                        .withResources(new SwarmNodeResources().withNanoCPUs(1_500_000_000L).withMemoryBytes(2L << 30)));
    }

    @Test
    void aReadyActiveNodeIsReadyWithItsLabelsAndCapacity() {
        ClusterNode node = DockerSwarm.view(node("w1", SwarmNodeState.READY, SwarmNodeAvailability.ACTIVE, "10.0.0.12"), "m1");

        assertEquals(new ClusterNode("host-w1", "10.0.0.12", ClusterNode.State.READY, Map.of("zone", "a"), 1.5, 2L << 30,
                false, false), node);
    }

    @Test
    void downWinsOverDrainedAndPausedCountsAsDrained() {
        assertEquals(ClusterNode.State.DOWN,
                DockerSwarm.view(node("w1", SwarmNodeState.DOWN, SwarmNodeAvailability.DRAIN, "10.0.0.12"), "m1").state());
        assertEquals(ClusterNode.State.DOWN,
                DockerSwarm.view(node("w1", SwarmNodeState.UNKNOWN, SwarmNodeAvailability.ACTIVE, "10.0.0.12"), "m1").state());
        assertEquals(ClusterNode.State.DRAINED,
                DockerSwarm.view(node("w1", SwarmNodeState.READY, SwarmNodeAvailability.DRAIN, "10.0.0.12"), "m1").state());
        assertEquals(ClusterNode.State.DRAINED,
                DockerSwarm.view(node("w1", SwarmNodeState.READY, SwarmNodeAvailability.PAUSE, "10.0.0.12"), "m1").state());
    }

    @Test
    void aManagerThatReportsItselfAtTheAnyAddressIsShownAtTheAddressItManagesAt() {
        SwarmNode manager = node("m1", SwarmNodeState.READY, SwarmNodeAvailability.ACTIVE, "0.0.0.0")
                .withManagerStatus(new SwarmNodeManagerStatus().withLeader(true).withAddr("10.0.0.11:2377"));

        ClusterNode node = DockerSwarm.view(manager, "m1");

        assertEquals("10.0.0.11", node.address());
        assertEquals(true, node.manager());
        assertEquals(true, node.self());
    }

    @Test
    void anEngineIsAloneManagerWorkerOrUnsettled() {
        assertEquals(Role.ALONE, DockerSwarm.standing(new SwarmInfo().withLocalNodeState(LocalNodeState.INACTIVE)).role());
        assertEquals(Role.ALONE, DockerSwarm.standing(null).role());
        assertEquals(new NodeMembership.Standing(Role.MANAGER, "10.0.0.11", "active"), DockerSwarm.standing(new SwarmInfo()
                .withLocalNodeState(LocalNodeState.ACTIVE).withControlAvailable(true).withNodeAddr("10.0.0.11")));
        assertEquals(Role.WORKER, DockerSwarm.standing(new SwarmInfo().withLocalNodeState(LocalNodeState.ACTIVE)
                .withControlAvailable(false).withNodeAddr("10.0.0.12")).role());
        assertEquals("locked", DockerSwarm.standing(new SwarmInfo().withLocalNodeState(LocalNodeState.LOCKED)).detail());
    }
}
