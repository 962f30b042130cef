package dev.gantry.control.console;

import dev.gantry.control.GantryConfig;
import dev.gantry.control.command.Formats;
import dev.gantry.control.instances.AppInstance;
import dev.gantry.control.instances.InstanceInventory;
import dev.gantry.control.users.Authorization;
import dev.gantry.node.EngineInfo;
import dev.gantry.node.EngineUnavailableException;
import dev.gantry.node.NodeReport;
import dev.gantry.node.NodeRunner;
import dev.gantry.node.NodeStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The nodes page: today the one node Gantry runs on (all-in-one), its node runner, its engine and
 * capacity as the engine reports them, and every app's instances on it.
 */
@ApplicationScoped
public class NodeOverview {

    private final NodeReport report;
    private final NodeRunner runner;
    private final Authorization authorization;
    private final InstanceInventory inventory;
    private final GantryConfig config;

    NodeOverview(NodeReport report, NodeRunner runner, Authorization authorization, InstanceInventory inventory,
            GantryConfig config) {
        this.report = report;
        this.runner = runner;
        this.authorization = authorization;
        this.inventory = inventory;
        this.config = config;
    }

    /** A node and what runs on it; {@code runner} says how its node runner is, {@code name} what it calls itself. */
    public record NodeView(String name, String address, String runner, String engine, String runtime, int cpus,
            String memory, List<Placed> instances) {
    }

    public record Placed(String app, String slot, String release, String state, String uptime, String address) {
    }

    /** The node's capacity, and the instances of the apps {@code user} may see. */
    public List<NodeView> nodes(String user) {
        EngineInfo info = report.engine();
        List<Placed> placed = new ArrayList<>();
        NodeStatus status;
        try {
            status = runner.status();
        } catch (EngineUnavailableException down) {
            return List.of(new NodeView("-", config.node().advertiseAddress(), "not answering: " + down.getMessage(),
                    info.engineVersion(), info.runtimeVersion(), info.cpus(), memory(info), placed));
        }
        authorization.visibleApps(user).forEach(app -> inventory.of(app.name).stream().sorted(AppInstance.BY_SLOT)
                .forEach(instance -> placed.add(placed(app.name, instance))));
        return List.of(new NodeView(status.node(), config.node().advertiseAddress(), runnerState(status),
                info.engineVersion(), info.runtimeVersion(), info.cpus(), memory(info), placed));
    }

    private static String runnerState(NodeStatus status) {
        String up = "up " + Formats.duration(Duration.between(status.startedAt(), Instant.now()));
        return status.pid() == 0 ? "inside the control plane, " + up : "pid " + status.pid() + ", " + up;
    }

    private static String memory(EngineInfo info) {
        return info.memoryBytes() / (1024 * 1024) + " MiB";
    }

    private static Placed placed(String app, AppInstance instance) {
        Instant since = instance.container().startedAt();
        String uptime = instance.running() && since != null
                ? Formats.duration(Duration.between(since, Instant.now())) : "-";
        String address = instance.container().hostPort() > 0
                ? instance.container().hostAddress() + ":" + instance.container().hostPort() : "-";
        return new Placed(app, instance.slot(), "v" + instance.version(), instance.running() ? "running" : "exited",
                uptime, address);
    }
}
