package dev.gantry.control.command;

import dev.gantry.control.cluster.ClusterService;
import jakarta.inject.Singleton;

/** Not read-only, though it changes nothing: it hands out the cluster's secrets, so the audit log says to whom. */
@Singleton
public class ClusterJoinCommandCommand extends AdminCommand {

    private final ClusterService cluster;

    ClusterJoinCommandCommand(ClusterService cluster) {
        super("cluster:join-command", "", "print the shell script that adds a host to the cluster (run it as root there)");
        this.cluster = cluster;
    }

    @Override
    public void run(CommandContext context) {
        context.expectAtMost(0);
        context.out().print(cluster.joinScript());
    }
}
