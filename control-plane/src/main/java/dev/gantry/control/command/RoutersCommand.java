package dev.gantry.control.command;

import dev.gantry.control.routing.RemoteRouter;
import dev.gantry.control.routing.RouterFanOut;
import dev.gantry.router.api.RouteControl;
import jakarta.inject.Singleton;
import java.io.PrintStream;
import java.util.List;

/**
 * The routers Gantry steers: this host's, and those on other hosts with whether each gets route changes
 * now. A router out of step serves the table it last had until the next check brings it back.
 */
@Singleton
public class RoutersCommand extends AdminCommand implements ReadOnlyCommand {

    private final RouteControl router;

    RoutersCommand(RouteControl router) {
        super("routers", "", "list the routers Gantry steers, and whether each on another host is in step");
        this.router = router;
    }

    @Override
    public void run(CommandContext context) {
        context.expectAtMost(0);
        List<RemoteRouter> remotes = RouterFanOut.remotesOf(router);
        PrintStream out = context.out();
        String row = "%-32s %-12s %-24s %s%n";
        out.printf(row, "ROUTER", "STATE", "SINCE", "REASON");
        out.printf(row, "this host", "reference", "-", "-");
        for (RemoteRouter remote : remotes) {
            out.printf(row, remote.address(), remote.inStep() ? "in step" : "out of step", Formats.time(remote.since()),
                    remote.reason() == null ? "-" : remote.reason());
        }
        if (remotes.isEmpty()) {
            out.println("One router, on this host. Routers on other hosts are listed in GANTRY_REMOTE_ROUTERS"
                    + " (ansible/README.md, [routers])");
        } else if (remotes.stream().anyMatch(remote -> !remote.inStep())) {
            out.println("A router out of step serves the routes it last had; Gantry checks it every 2 s and sends it"
                    + " the whole table once it answers. Check that its host runs gantry-router and reaches no"
                    + " firewall on the admin port");
        }
    }
}
