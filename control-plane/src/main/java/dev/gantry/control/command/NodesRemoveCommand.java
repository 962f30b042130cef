package dev.gantry.control.command;

import dev.gantry.control.cluster.NodeService;
import jakarta.inject.Singleton;

@Singleton
public class NodesRemoveCommand extends AdminCommand {

    private final NodeService nodes;

    NodesRemoveCommand(NodeService nodes) {
        super("nodes:remove", "NODE [--force]",
                "take a host out of the cluster (drain it, and run 'docker swarm leave' there, first)");
        this.nodes = nodes;
    }

    @Override
    public void run(CommandContext context) {
        boolean force = context.flag("--force");
        String node = context.args().stream().filter(arg -> !arg.equals("--force")).findFirst()
                .orElseThrow(() -> context.usageError("missing the host's name (nodes lists them)"));
        if (context.args().size() > (force ? 2 : 1)) {
            throw context.usageError("unexpected argument '" + context.args().get(force ? 2 : 1) + "'");
        }
        nodes.remove(node, force);
        context.out().println("=====> " + node + " is no longer a host of the cluster");
    }
}
