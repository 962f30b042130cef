package dev.gantry.control.command;

import dev.gantry.control.cluster.NodeList;
import jakarta.inject.Singleton;
import java.io.PrintStream;
import java.util.Locale;
import java.util.stream.Collectors;

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
            String labels = node.labels().isEmpty() ? "-" : node.labels().entrySet().stream()
                    .map(label -> label.getKey() + "=" + label.getValue()).collect(Collectors.joining(","));
            out.printf(row, node.name(), node.address(), node.state(), labels, node.instances(),
                    node.cpus() == Math.rint(node.cpus()) ? Long.toString((long) node.cpus())
                            : String.format(Locale.ROOT, "%.1f", node.cpus()),
                    Formats.size(node.memoryBytes()));
        }
        out.println(listed.registry()
                .map(registry -> "Manager: " + listed.nodes().stream().filter(NodeList.Node::self).map(NodeList.Node::name)
                        .findFirst().orElse("this host") + " (this host); registry at " + registry)
                .orElse("One host. ./gantry cluster:init --advertise ADDR makes it the manager of a cluster others join"));
    }
}
