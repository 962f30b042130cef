package dev.gantry.control.command;

import dev.gantry.control.apps.AppService;
import dev.gantry.control.domain.App;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class AppsListCommand implements Command {

    private final AppService apps;

    AppsListCommand(AppService apps) {
        this.apps = apps;
    }

    @Override
    public String name() {
        return "apps:list";
    }

    @Override
    public String usage() {
        return "";
    }

    @Override
    public String summary() {
        return "list the apps";
    }

    @Override
    public void run(CommandContext context) {
        context.expectAtMost(0);
        for (App app : apps.list()) {
            context.out().println(app.name);
        }
    }
}
