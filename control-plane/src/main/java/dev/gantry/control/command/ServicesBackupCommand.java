package dev.gantry.control.command;

import dev.gantry.control.services.ServiceBackups;
import jakarta.inject.Singleton;

@Singleton
public class ServicesBackupCommand extends ServiceCommand {

    private final ServiceBackups backups;

    ServicesBackupCommand(ServiceBackups backups) {
        super("services:backup", "NAME", "back a service up now (pg_dump -Fc, or a Redis snapshot) to GANTRY_HOME/backups",
                0);
        this.backups = backups;
    }

    @Override
    public void run(CommandContext context) {
        String name = context.arg(0, "the service name");
        context.expectAtMost(1);
        ServiceBackups.Backup backup = backups.backup(name, context.user(), line -> context.out().println(line));
        context.out().println("=====> Backup " + backup.id() + " of " + name + " (" + Formats.size(backup.bytes())
                + "). Restore it: services:restore " + name + " " + backup.id() + " --force");
    }
}
