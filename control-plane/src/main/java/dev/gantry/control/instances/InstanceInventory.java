package dev.gantry.control.instances;

import dev.gantry.node.NodeRunner;
import dev.gantry.node.OneOffRuns;
import dev.gantry.node.RunningContainer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The long-running instances an app has on the node, as the node runner reports them now. */
@ApplicationScoped
public class InstanceInventory {

    private final NodeRunner nodes;
    private final OneOffRuns oneOffs;
    private final InstanceRetirer retirer;

    InstanceInventory(NodeRunner nodes, OneOffRuns oneOffs, InstanceRetirer retirer) {
        this.nodes = nodes;
        this.oneOffs = oneOffs;
        this.retirer = retirer;
    }

    /** Every formation instance of the app, of any release, running or exited; one-off runs are not instances. */
    public List<AppInstance> of(String app) {
        return AppInstance.of(nodes.instances(InstanceLabels.appOf(app)));
    }

    /**
     * The app's one-off runs ({@code run}, release commands), running or exited. They are no
     * instances: the control plane runs them on its own engine, attached to the caller's streams.
     */
    public List<RunningContainer> oneOffs(String app) {
        return oneOffs.list(InstanceLabels.appOf(app));
    }

    /** The instances of one release of the app that are not on their way out (draining or stopping). */
    public List<AppInstance> serving(String app, int version) {
        return serving(of(app), version);
    }

    /** The same, from a listing already made. */
    public List<AppInstance> serving(List<AppInstance> instances, int version) {
        return instances.stream()
                .filter(instance -> instance.version() == version && !retirer.isRetiring(instance.id()))
                .toList();
    }

    public boolean isRetiring(AppInstance instance) {
        return retirer.isRetiring(instance.id());
    }
}
