package dev.gantry.control.console;

import dev.gantry.control.GantryConfig;
import dev.gantry.control.cluster.HostLabels;
import dev.gantry.control.cluster.NodeList;
import dev.gantry.control.command.Formats;
import dev.gantry.control.instances.AppInstance;
import dev.gantry.control.users.Authorization;
import dev.gantry.node.EngineInfo;
import dev.gantry.node.EngineUnavailableException;
import dev.gantry.node.NodeLabels;
import dev.gantry.node.NodeReport;
import dev.gantry.node.NodeRunner;
import dev.gantry.node.NodeStatus;
import dev.gantry.node.RunningContainer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The nodes page: every host as {@code nodes} lists it (state, labels, instances, CPUs, memory), the
 * instances of the apps the user may see on each, and for the host Gantry runs on its node runner and
 * engine. One host until {@code cluster:init}; then every host of the cluster.
 */
@ApplicationScoped
public class NodeOverview {

    private final NodeList nodeList;
    private final NodeReport report;
    private final NodeRunner runner;
    private final Authorization authorization;
    private final GantryConfig config;

    NodeOverview(NodeList nodeList, NodeReport report, NodeRunner runner, Authorization authorization,
            GantryConfig config) {
        this.nodeList = nodeList;
        this.report = report;
        this.runner = runner;
        this.authorization = authorization;
        this.config = config;
    }

    /**
     * A host and what runs on it. {@code instances}: how many instances run there (every app's and backing
     * service's, as {@code nodes} counts); {@code placed}: those of the apps the user may see;
     * {@code here}: this host's node runner and engine, on the host Gantry runs on only;
     * {@code drainable}: the user may drain it from the page (an admin, a ready host other than this one).
     */
    public record NodeView(String name, String address, String state, String labels, int instances, String cpus,
            String memory, List<Placed> placed, Here here, boolean drainable) {
    }

    /** The host Gantry runs on: how its node runner is, and its engine. */
    public record Here(String runner, String engine, String runtime) {
    }

    public record Placed(String app, String slot, String release, String uptime, String address) {
    }

    /** The hosts, this one first. */
    public List<NodeView> nodes(String user) {
        EngineInfo info = report.engine();
        NodeList.Nodes listed;
        NodeStatus status;
        try {
            listed = nodeList.list();
            status = runner.status();
        } catch (EngineUnavailableException down) {
            return List.of(new NodeView("-", config.node().advertiseAddress(), "down", "-", 0,
                    Integer.toString(info.cpus()), Formats.size(info.memoryBytes()), List.of(),
                    new Here("not answering: " + down.getMessage(), info.engineVersion(), info.runtimeVersion()), false));
        }
        Set<String> visible = authorization.visibleApps(user).stream().map(app -> app.name).collect(Collectors.toSet());
        boolean mayDrain = listed.registry().isPresent() && authorization.isAdmin(user);
        return listed.nodes().stream().map(node -> new NodeView(node.name(), node.address(), node.state(),
                node.labels().isEmpty() ? "-" : HostLabels.describe(node.labels()), node.instances(), node.describeCpus(),
                Formats.size(node.memoryBytes()), placed(listed.runningOn(node.name()), visible),
                node.self() ? new Here(runnerState(status), info.engineVersion(), info.runtimeVersion()) : null,
                mayDrain && !node.self() && "ready".equals(node.state())))
                .toList();
    }

    private static List<Placed> placed(List<RunningContainer> running, Set<String> visible) {
        return running.stream().filter(container -> visible.contains(container.labels().get(NodeLabels.APP)))
                .map(AppInstance::of)
                .sorted(Comparator.comparing(NodeOverview::app).thenComparing(AppInstance.BY_SLOT))
                .map(NodeOverview::placed)
                .toList();
    }

    private static String app(AppInstance instance) {
        return instance.container().labels().get(NodeLabels.APP);
    }

    private static String runnerState(NodeStatus status) {
        String up = "up " + Formats.duration(Duration.between(status.startedAt(), Instant.now()));
        return status.pid() == 0 ? "inside the control plane, " + up : "pid " + status.pid() + ", " + up;
    }

    private static Placed placed(AppInstance instance) {
        Instant since = instance.container().startedAt();
        String uptime = since != null ? Formats.duration(Duration.between(since, Instant.now())) : "-";
        String address = instance.container().hostPort() > 0
                ? instance.container().hostAddress() + ":" + instance.container().hostPort() : "-";
        return new Placed(app(instance), instance.slot(), "v" + instance.version(),
                uptime, address);
    }
}
