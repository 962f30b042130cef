package dev.gantry.control.command;

import dev.gantry.control.deploy.RollbackService;
import dev.gantry.control.deploy.RolloutTarget;
import dev.gantry.control.deploy.AppRoutes;
import jakarta.inject.Singleton;
import java.util.Optional;

@Singleton
public class RollbackCommand extends NamedCommand {

    private final RollbackService rollbacks;
    private final AppRoutes routes;

    RollbackCommand(RollbackService rollbacks, AppRoutes routes) {
        super("rollback", "APP [vK]",
                "make a new release from vK (default: the one that served before) and roll it out; no build");
        this.rollbacks = rollbacks;
        this.routes = routes;
    }

    @Override
    public void run(CommandContext context) {
        String app = context.arg(0, "the app name");
        context.expectAtMost(2);
        Optional<Integer> version = context.args().size() > 1
                ? Optional.of(RollbackService.parseVersion(context.args().get(1)))
                : Optional.empty();
        RolloutTarget released = rollbacks.rollback(app, version, context.user(), context.out()::println);
        context.out().println("=====> " + app + " " + released.label() + " (a copy of an earlier release) serves at "
                + routes.url(app));
    }
}
