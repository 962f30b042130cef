package dev.gantry.control.command;

import dev.gantry.control.deploy.RollbackService;
import dev.gantry.control.releases.RolloutTarget;
import dev.gantry.control.routing.AppRoutes;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;

@Singleton
public class RollbackCommand extends NamedCommand {

    private final RollbackService rollbacks;
    private final AppRoutes routes;

    RollbackCommand(RollbackService rollbacks, AppRoutes routes) {
        super("rollback", "APP [vK] [--force]",
                "make a new release from vK (default: the one that served before) and roll it out; no build");
        this.rollbacks = rollbacks;
        this.routes = routes;
    }

    @Override
    public void run(CommandContext context) {
        String app = context.arg(0, "the app name");
        boolean force = context.flag("--force");
        List<String> rest = context.args().stream().skip(1).filter(arg -> !arg.equals("--force")).toList();
        if (rest.size() > 1) {
            throw context.usageError("unexpected argument '" + rest.get(1) + "'");
        }
        Optional<Integer> version = rest.isEmpty() ? Optional.empty()
                : Optional.of(RollbackService.parseVersion(rest.get(0)));
        RolloutTarget released = rollbacks.rollback(app, version, force, context.user(), context.out()::println);
        context.out().println("=====> " + app + " " + released.label() + " (a copy of an earlier release) serves at "
                + routes.url(app));
    }
}
