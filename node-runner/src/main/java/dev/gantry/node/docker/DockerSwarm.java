package dev.gantry.node.docker;

import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.model.Info;
import com.github.dockerjava.api.model.LocalNodeState;
import com.github.dockerjava.api.model.SwarmDispatcherConfig;
import com.github.dockerjava.api.model.SwarmInfo;
import com.github.dockerjava.api.model.SwarmNode;
import com.github.dockerjava.api.model.SwarmNodeAvailability;
import com.github.dockerjava.api.model.SwarmNodeState;
import com.github.dockerjava.api.model.SwarmSpec;
import dev.gantry.node.ClusterNode;
import dev.gantry.node.NodeMembership;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@link NodeMembership} over Docker Swarm mode, through the engine of the control plane's host: the
 * cluster is that engine's swarm, its manager that engine, and its hosts the swarm's nodes.
 */
public final class DockerSwarm implements NodeMembership {

    /** Where a swarm's manager takes joining hosts and cluster traffic. */
    static final int MANAGER_PORT = 2377;
    private static final double NANOS = 1e9;

    private final DockerEngine engine;
    private final String localAddress;

    /** {@code localAddress}: what this host is called in {@link #nodes} while it is alone. */
    public DockerSwarm(DockerEngine engine, String localAddress) {
        this.engine = engine;
        this.localAddress = localAddress;
    }

    @Override
    public Standing standing() {
        return standing(info().getSwarm());
    }

    static Standing standing(SwarmInfo swarm) {
        LocalNodeState state = swarm == null ? null : swarm.getLocalNodeState();
        if (state == null || state == LocalNodeState.INACTIVE || state == LocalNodeState.EMPTY) {
            return new Standing(Role.ALONE, "", "inactive");
        }
        String address = Optional.ofNullable(swarm.getNodeAddr()).orElse("");
        if (state != LocalNodeState.ACTIVE) {
            return new Standing(Role.UNSETTLED, address, state.getValue()
                    + Optional.ofNullable(swarm.getError()).filter(error -> !error.isBlank()).map(error -> ": " + error).orElse(""));
        }
        return new Standing(Boolean.TRUE.equals(swarm.getControlAvailable()) ? Role.MANAGER : Role.WORKER, address, "active");
    }

    @Override
    public void form(String advertiseAddress, Duration heartbeat) {
        SwarmSpec spec = new SwarmSpec().withDispatcher(new SwarmDispatcherConfig().withHeartbeatPeriod(heartbeat.toNanos()));
        try {
            call(() -> engine.client().initializeSwarmCmd(spec).withAdvertiseAddr(advertiseAddress)
                    .withListenAddr("0.0.0.0:" + MANAGER_PORT).exec());
        } catch (DockerException refused) {
            throw new IllegalStateException(EngineFailures.engineMessage(refused), refused);
        }
    }

    @Override
    public Optional<JoinTicket> joinTicket() {
        Standing standing = standing();
        if (standing.role() != Role.MANAGER) {
            return Optional.empty();
        }
        String token = call(() -> engine.client().inspectSwarmCmd().exec()).getJoinTokens().getWorker();
        return Optional.of(new JoinTicket(standing.address() + ":" + MANAGER_PORT, token));
    }

    @Override
    public List<ClusterNode> nodes() {
        Info info = info();
        if (standing(info.getSwarm()).role() != Role.MANAGER) {
            return List.of(new ClusterNode(info.getName(), localAddress, ClusterNode.State.READY, Map.of(),
                    Optional.ofNullable(info.getNCPU()).orElse(0), Optional.ofNullable(info.getMemTotal()).orElse(0L),
                    false, true));
        }
        String self = info.getSwarm().getNodeID();
        return call(() -> engine.client().listSwarmNodesCmd().exec()).stream().map(node -> view(node, self)).toList();
    }

    /** How Gantry shows a swarm node; {@code self}: the id of the node whose engine answers. */
    static ClusterNode view(SwarmNode node, String self) {
        var description = node.getDescription();
        var resources = description == null ? null : description.getResources();
        return new ClusterNode(description == null ? node.getId() : description.getHostname(), address(node),
                state(node), Optional.ofNullable(node.getSpec().getLabels()).orElse(Map.of()),
                resources == null || resources.getNanoCPUs() == null ? 0 : resources.getNanoCPUs() / NANOS,
                resources == null || resources.getMemoryBytes() == null ? 0 : resources.getMemoryBytes(),
                node.getManagerStatus() != null, node.getId().equals(self));
    }

    /** Down wins: a drained host that stops answering has lost whatever it still ran. */
    private static ClusterNode.State state(SwarmNode node) {
        if (node.getStatus() == null || node.getStatus().getState() != SwarmNodeState.READY) {
            return ClusterNode.State.DOWN;
        }
        return node.getSpec().getAvailability() == SwarmNodeAvailability.ACTIVE
                ? ClusterNode.State.READY : ClusterNode.State.DRAINED;
    }

    /** A manager may report itself at 0.0.0.0; the address it manages at is then its real one. */
    private static String address(SwarmNode node) {
        String address = node.getStatus() == null ? null : node.getStatus().getAddress();
        if ((address == null || address.isBlank() || address.equals("0.0.0.0")) && node.getManagerStatus() != null
                && node.getManagerStatus().getAddr() != null) {
            String managed = node.getManagerStatus().getAddr();
            return managed.substring(0, managed.lastIndexOf(':') < 0 ? managed.length() : managed.lastIndexOf(':'));
        }
        return address == null ? "" : address;
    }

    private Info info() {
        return call(() -> engine.client().infoCmd().exec());
    }

    private <T> T call(Supplier<T> engineCall) {
        try {
            return engineCall.get();
        } catch (RuntimeException e) {
            throw EngineFailures.translate(e, engine.dockerHost());
        }
    }
}
