package dev.gantry.control.command;

import dev.gantry.control.InvalidInputException;
import dev.gantry.control.services.ServiceBackups;
import jakarta.inject.Singleton;
import java.util.List;

@Singleton
public class ServicesRestoreCommand extends ServiceCommand {

    private final ServiceBackups backups;

    ServicesRestoreCommand(ServiceBackups backups) {
        super("services:restore", "NAME BACKUP-ID --force",
                "replace a service's data with a backup's (the apps keep their URL)", 0);
        this.backups = backups;
    }

    /** The audit log names the backup too: which data the service holds since is the point of the record. */
    @Override
    public String subject(List<String> args) {
        String service = super.subject(args);
        return service != null && args.size() > 1 && ServiceBackups.isBackupId(args.get(1)) ? service + " " + args.get(1)
                : service;
    }

    @Override
    public void run(CommandContext context) {
        String name = context.arg(0, "the service name");
        String id = context.arg(1, "the backup id");
        boolean force = context.flag("--force");
        context.expectAtMost(force ? 3 : 2);
        if (!force) {
            throw new InvalidInputException("restoring " + id + " replaces everything " + name + " holds now. Run again"
                    + " with --force: services:restore " + name + " " + id + " --force");
        }
        backups.restore(name, id, context.user(), line -> context.out().println(line));
        context.out().println("=====> Restored " + name + " from " + id);
    }
}
