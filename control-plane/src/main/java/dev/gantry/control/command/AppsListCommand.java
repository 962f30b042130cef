package dev.gantry.control.command;

import dev.gantry.control.users.Authorization;
import dev.gantry.control.domain.App;
import jakarta.inject.Singleton;

@Singleton
public class AppsListCommand extends NamedCommand implements ReadOnlyCommand {

    private final Authorization authorization;

    AppsListCommand(Authorization authorization) {
        super("apps:list", "",
                "list the apps you may use (an admin: all)");
        this.authorization = authorization;
    }

    @Override
    public void run(CommandContext context) {
        context.expectAtMost(0);
        for (App app : authorization.visibleApps(context.user())) {
            context.out().println(app.name);
        }
    }
}
