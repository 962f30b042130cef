package dev.gantry.control.command;

import dev.gantry.control.cluster.ClusterService;
import jakarta.inject.Singleton;
import java.io.PrintStream;

@Singleton
public class ClusterInitCommand extends AdminCommand {

    private final ClusterService cluster;

    ClusterInitCommand(ClusterService cluster) {
        super("cluster:init", "--advertise ADDR", "make this host the manager of a cluster of hosts, with its registry");
        this.cluster = cluster;
    }

    @Override
    public void run(CommandContext context) {
        context.expectAtMost(0, "--advertise");
        String address = context.option("--advertise")
                .orElseThrow(() -> context.usageError("missing --advertise, the address other hosts reach this one at"));
        ClusterService.Initialized done = cluster.init(address);
        PrintStream out = context.out();
        out.println(done.formedNow()
                ? "-----> This host's engine manages the cluster now, advertised at " + done.advertiseAddress()
                : "-----> This host's engine manages the cluster already, advertised at " + done.advertiseAddress());
        out.println("-----> The registry answers at https://" + done.registry()
                + " (TLS by the cluster's CA, credentials required); builds are pushed there from now on");
        out.println("       Add a host:   ssh root@HOST sh < <(./gantry cluster:join-command)");
        out.println("       Between hosts open 2377/tcp, 7946/tcp+udp, 4789/udp, and "
                + done.registry().substring(done.registry().lastIndexOf(':') + 1) + "/tcp to this host");
    }
}
