package dev.gantry.control.command;

import dev.gantry.control.InvalidInputException;
import dev.gantry.control.services.CronSchedule;
import dev.gantry.control.services.ServiceCatalog;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

@Singleton
public class ServicesBackupScheduleCommand extends ServiceCommand {

    private final ServiceCatalog catalog;

    ServicesBackupScheduleCommand(ServiceCatalog catalog) {
        super("services:backup-schedule", "NAME \"CRON\"|off [keep=N]",
                "back a service up on a cron schedule (UTC, e.g. \"0 3 * * *\"), keeping the newest N backups", 0);
        this.catalog = catalog;
    }

    @Override
    public void run(CommandContext context) {
        String name = context.arg(0, "the service name");
        Optional<Integer> keep = Optional.empty();
        List<String> cron = new ArrayList<>();
        // The schedule's five fields may come as one quoted argument or as five: ssh joins its arguments.
        for (String arg : context.args().subList(1, context.args().size())) {
            if (arg.startsWith("keep=")) {
                keep = Optional.of(kept(arg.substring("keep=".length())));
            } else {
                cron.add(arg);
            }
        }
        if (cron.isEmpty()) {
            throw context.usageError("missing the schedule (\"0 3 * * *\", or off)");
        }
        boolean off = cron.equals(List.of("off"));
        Optional<CronSchedule> schedule = off ? Optional.empty() : Optional.of(CronSchedule.parse(String.join(" ", cron)));
        ServiceCatalog.ServiceView view = catalog.schedule(name, context.user(), schedule, keep);
        context.out().println("=====> " + name + (off ? " is backed up by hand only" : " is backed up at \"" + schedule.get()
                + "\" (UTC)") + "; the newest " + view.backupsKept() + " backups are kept");
    }

    private static int kept(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("keep=" + value + " is not a number of backups (e.g. keep=7)");
        }
    }
}
