package dev.gantry.control.command;

import dev.gantry.control.cluster.HostLabels;
import dev.gantry.control.cluster.NodeService;
import jakarta.inject.Singleton;

@Singleton
public class NodesLabelCommand extends AdminCommand {

    private final NodeService nodes;

    NodesLabelCommand(NodeService nodes) {
        super("nodes:label", "NODE key=value...   (key= removes a label)",
                "label a host of the cluster, for ps:place to choose hosts by");
        this.nodes = nodes;
    }

    @Override
    public void run(CommandContext context) {
        String node = context.arg(0, "the host's name (nodes lists them)");
        var labels = nodes.label(node, context.args().subList(1, context.args().size()));
        context.out().println("=====> " + node + ": " + (labels.isEmpty() ? "no labels" : HostLabels.describe(labels)));
    }
}
