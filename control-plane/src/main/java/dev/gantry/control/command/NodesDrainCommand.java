package dev.gantry.control.command;

import dev.gantry.control.cluster.NodeService;
import jakarta.inject.Singleton;

@Singleton
public class NodesDrainCommand extends AdminCommand {

    private final NodeService nodes;

    NodesDrainCommand(NodeService nodes) {
        super("nodes:drain", "NODE", "move every instance off a host, with no dropped request; it then takes none");
        this.nodes = nodes;
    }

    @Override
    public void run(CommandContext context) {
        String node = context.onlyArgument("the host's name (nodes lists them)");
        int moved = nodes.drain(node, context.user(), context.out()::println);
        context.out().println("=====> " + node + " is drained: " + moved + " instance(s) moved to other hosts. It takes"
                + " no instances until it is removed (nodes:remove " + node + ")");
    }
}
