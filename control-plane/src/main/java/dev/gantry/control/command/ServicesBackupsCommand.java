package dev.gantry.control.command;

import dev.gantry.control.services.ServiceBackups;
import jakarta.inject.Singleton;

@Singleton
public class ServicesBackupsCommand extends ServiceCommand implements ReadOnlyCommand {

    private final ServiceBackups backups;

    ServicesBackupsCommand(ServiceBackups backups) {
        super("services:backups", "NAME", "list a service's backups, newest first, with size and time", 0);
        this.backups = backups;
    }

    @Override
    public void run(CommandContext context) {
        String name = context.arg(0, "the service name");
        context.expectAtMost(1);
        context.out().println("=== " + name + " backups");
        for (ServiceBackups.Backup backup : backups.list(name, context.user())) {
            context.out().printf("%-20s %12s  %s%n", backup.id(), Formats.size(backup.bytes()), Formats.time(backup.at()));
        }
    }
}
