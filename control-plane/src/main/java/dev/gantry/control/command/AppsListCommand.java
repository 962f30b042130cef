package dev.gantry.control.command;

import dev.gantry.control.apps.AppService;
import dev.gantry.control.domain.App;
import jakarta.inject.Singleton;

@Singleton
public class AppsListCommand extends NamedCommand implements ReadOnlyCommand {

    private final AppService apps;

    AppsListCommand(AppService apps) {
        super("apps:list", "",
                "list the apps");
        this.apps = apps;
    }

    @Override
    public void run(CommandContext context) {
        context.expectAtMost(0);
        for (App app : apps.list()) {
            context.out().println(app.name);
        }
    }
}
