package dev.gantry.control.command;

import dev.gantry.control.apps.AppService;
import dev.gantry.control.routing.AppRoutes;
import dev.gantry.control.users.Permission;
import jakarta.inject.Singleton;

@Singleton
public class AppsCreateCommand extends NamedCommand {

    private final AppService apps;
    private final AppRoutes routes;

    AppsCreateCommand(AppService apps, AppRoutes routes) {
        super("apps:create", "APP",
                "create an app (a push to a new name also does)");
        this.apps = apps;
        this.routes = routes;
    }

    @Override
    public Permission permission() {
        return Permission.ANYONE;
    }

    @Override
    public void run(CommandContext context) {
        String name = context.arg(0, "the app name");
        context.expectAtMost(1);
        apps.create(name, context.user());
        context.out().println("Created " + name + ". Push to it; it will answer at " + routes.url(name));
    }
}
