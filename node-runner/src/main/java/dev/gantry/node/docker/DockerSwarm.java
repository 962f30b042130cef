package dev.gantry.node.docker;

import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.model.Info;
import com.github.dockerjava.api.model.LocalNodeState;
import com.github.dockerjava.api.model.SwarmDispatcherConfig;
import com.github.dockerjava.api.model.SwarmInfo;
import com.github.dockerjava.api.model.SwarmNode;
import com.github.dockerjava.api.model.SwarmNodeAvailability;
import com.github.dockerjava.api.model.SwarmNodeSpec;
import com.github.dockerjava.api.model.SwarmNodeState;
import com.github.dockerjava.api.model.SwarmSpec;
import dev.gantry.node.ClusterNode;
import dev.gantry.node.NodeMembership;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

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
            engine.call(() -> engine.client().initializeSwarmCmd(spec).withAdvertiseAddr(advertiseAddress)
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
        String token = engine.call(() -> engine.client().inspectSwarmCmd().exec()).getJoinTokens().getWorker();
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
        return engine.call(() -> engine.client().listSwarmNodesCmd().exec()).stream().map(node -> view(node, self)).toList();
    }

    @Override
    public void label(String node, Map<String, String> labels) {
        update(node, spec -> {
            Map<String, String> merged = new HashMap<>(Optional.ofNullable(spec.getLabels()).orElse(Map.of()));
            labels.forEach((key, value) -> {
                if (value.isEmpty()) {
                    merged.remove(key);
                } else {
                    merged.put(key, value);
                }
            });
            return spec.withLabels(merged);
        });
    }

    @Override
    public void availability(String node, Availability availability) {
        update(node, spec -> spec.withAvailability(switch (availability) {
            case ACTIVE -> SwarmNodeAvailability.ACTIVE;
            case PAUSE -> SwarmNodeAvailability.PAUSE;
            case DRAIN -> SwarmNodeAvailability.DRAIN;
        }));
    }

    /** Writes a host's changed spec against the version it was read at, so no concurrent change is lost. */
    private void update(String node, UnaryOperator<SwarmNodeSpec> change) {
        SwarmNode found = find(node);
        engine.call(() -> engine.client().updateSwarmNodeCmd().withSwarmNodeId(found.getId())
                .withVersion(found.getVersion().getIndex()).withSwarmNodeSpec(change.apply(found.getSpec())).exec());
    }

    @Override
    public void remove(String node, boolean force) {
        SwarmNode found = find(node);
        try {
            engine.call(() -> engine.client().removeSwarmNodeCmd(found.getId()).withForce(force).exec());
        } catch (DockerException refused) {
            throw new IllegalStateException(EngineFailures.engineMessage(refused), refused);
        }
    }

    private SwarmNode find(String node) {
        List<SwarmNode> nodes = engine.call(() -> engine.client().listSwarmNodesCmd().exec());
        List<SwarmNode> named = nodes.stream().filter(candidate -> candidate.getId().equals(node)
                || candidate.getDescription() != null && node.equals(candidate.getDescription().getHostname())).toList();
        if (named.size() != 1) {
            throw new IllegalArgumentException(named.isEmpty() ? "no host of the cluster is called " + node
                    : named.size() + " hosts are called " + node + "; name one by its id ("
                            + named.stream().map(SwarmNode::getId).collect(Collectors.joining(", ")) + ")");
        }
        return named.get(0);
    }

    /** The cluster's hosts by the ids its tasks name them by (this host's manager must answer). */
    Map<String, ClusterNode> nodesById() {
        // Which of them is this host does not matter here: that would cost the engine's whole info.
        return engine.call(() -> engine.client().listSwarmNodesCmd().exec()).stream()
                .collect(Collectors.toMap(SwarmNode::getId, node -> view(node, "")));
    }

    /** The id this host's engine has in its cluster. */
    String selfId() {
        return info().getSwarm().getNodeID();
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
        return engine.call(() -> engine.client().infoCmd().exec());
    }
}
