package dev.gantry.control.command;

import dev.gantry.control.cluster.HostLabels;
import dev.gantry.control.cluster.NodeList;
import jakarta.inject.Singleton;
import java.io.PrintStream;

@Singleton
public class NodesCommand extends AdminCommand implements ReadOnlyCommand {

    private final NodeList nodes;

    NodesCommand(NodeList nodes) {
        super("nodes", "", "list the hosts Gantry runs on: state, labels, instances, capacity");
        this.nodes = nodes;
    }

    @Override
    public void run(CommandContext context) {
        context.expectAtMost(0);
        NodeList.Nodes listed = nodes.list();
        PrintStream out = context.out();
        String row = "%-20s %-15s %-8s %-24s %9s %5s %10s%n";
        out.printf(row, "NAME", "ADDRESS", "STATE", "LABELS", "INSTANCES", "CPU", "MEM");
        for (NodeList.Node node : listed.nodes()) {
            String labels = node.labels().isEmpty() ? "-" : HostLabels.describe(node.labels());
            out.printf(row, node.name(), node.address(), node.state(), labels, node.instances(), node.describeCpus(),
                    Formats.size(node.memoryBytes()));
        }
        out.println(listed.registry()
                .map(registry -> "Manager: " + listed.nodes().stream().filter(NodeList.Node::self).map(NodeList.Node::name)
                        .findFirst().orElse("this host") + " (this host); registry at " + registry)
                .orElse("One host. ./gantry cluster:init --advertise ADDR makes it the manager of a cluster others join"));
    }
}
