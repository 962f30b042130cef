package dev.gantry.control.command;

import dev.gantry.control.InvalidInputException;
import dev.gantry.control.services.BackingServices;
import jakarta.inject.Singleton;

@Singleton
public class ServicesDestroyCommand extends ServiceCommand {

    private final BackingServices services;

    ServicesDestroyCommand(BackingServices services) {
        super("services:destroy", "NAME --force", "delete an unlinked service and its data for good (backups stay)", 0);
        this.services = services;
    }

    @Override
    public void run(CommandContext context) {
        String name = context.arg(0, "the service name");
        boolean force = context.flag("--force");
        context.expectAtMost(force ? 2 : 1);
        if (!force) {
            throw new InvalidInputException("destroying " + name + " deletes its data for good. Run again with --force:"
                    + " services:destroy " + name + " --force");
        }
        services.destroy(name, context.user(), line -> context.out().println(line));
        context.out().println("=====> Destroyed " + name + " and its data");
    }
}
