package dev.gantry.node.local;

import dev.gantry.node.ContainerSpec;
import dev.gantry.node.NodeRunner;
import dev.gantry.node.NodeStatus;
import dev.gantry.node.RunningContainer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * The runner of the host the control plane runs on, which may come to manage a cluster while Gantry
 * runs. Until it does, this host's own runner does everything, exactly as on one host. From then on new
 * instances go to the cluster's runner, and both are asked about the app: the instances this host
 * started before keep serving, are listed and retired like any other, and a host that never forms a
 * cluster never asks the cluster anything.
 */
public final class ManagerRunner implements NodeRunner {

    private final NodeRunner host;
    private final NodeRunner cluster;
    private final BooleanSupplier clustered;

    /** {@code clustered}: whether this host manages a cluster now, asked at every call. */
    public ManagerRunner(NodeRunner host, NodeRunner cluster, BooleanSupplier clustered) {
        this.host = host;
        this.cluster = cluster;
        this.clustered = clustered;
    }

    /**
     * An instance with a network on the cluster ({@link dev.gantry.node.NetworkAttachment#overlay}) goes to the
     * cluster once there is one; anything else, such as a backing service, which lives beside its volume and
     * joins the apps' networks as a container of this host, stays here.
     */
    @Override
    public RunningContainer place(ContainerSpec spec) {
        boolean forCluster = spec.network() != null && spec.network().overlay() != null;
        return forCluster && clustered.getAsBoolean() ? cluster.place(spec) : host.place(spec);
    }

    @Override
    public void remove(String container, Duration grace) {
        host.remove(container, grace);
        if (clustered.getAsBoolean()) {
            cluster.remove(container, grace);
        }
    }

    @Override
    public List<RunningContainer> instances(Map<String, String> labels) {
        List<RunningContainer> here = host.instances(labels);
        return clustered.getAsBoolean() ? Stream.concat(here.stream(), cluster.instances(labels).stream()).toList() : here;
    }

    @Override
    public Optional<RunningContainer> instance(String container) {
        Optional<RunningContainer> here = host.instance(container);
        return here.isPresent() || !clustered.getAsBoolean() ? here : cluster.instance(container);
    }

    @Override
    public List<String> keepOnly(String app, Set<String> names, Duration grace) {
        List<String> removed = new ArrayList<>(host.keepOnly(app, names, grace));
        if (clustered.getAsBoolean()) {
            removed.addAll(cluster.keepOnly(app, names, grace));
        }
        return removed;
    }

    @Override
    public NodeStatus status() {
        return host.status();
    }
}
