package dev.gantry.control.command;

import dev.gantry.control.InvalidInputException;
import dev.gantry.control.apps.AppService;
import dev.gantry.control.teardown.AppDestroyService;
import dev.gantry.control.users.Permission;
import jakarta.inject.Singleton;

@Singleton
public class AppsDestroyCommand extends NamedCommand {

    private final AppService apps;
    private final AppDestroyService destroyer;

    AppsDestroyCommand(AppService apps, AppDestroyService destroyer) {
        super("apps:destroy", "APP --force [--storage]",
                "stop an app and delete its releases, images and repository (its volumes only with --storage)");
        this.apps = apps;
        this.destroyer = destroyer;
    }

    @Override
    public Permission permission() {
        return Permission.APP_OWNER;
    }

    @Override
    public void run(CommandContext context) {
        String name = context.arg(0, "the app name");
        apps.get(name);
        if (!context.flag("--force")) {
            throw new InvalidInputException("destroying " + name + " stops it and deletes its releases, images and"
                    + " repository for good. Run again with --force: apps:destroy " + name + " --force");
        }
        destroyer.destroy(name, context.flag("--storage"), context.out()::println);
        context.out().println("Destroyed " + name);
    }
}
