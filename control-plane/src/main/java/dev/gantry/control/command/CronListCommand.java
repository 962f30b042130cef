package dev.gantry.control.command;

import dev.gantry.control.cron.CronService;
import jakarta.inject.Singleton;
import java.util.List;

@Singleton
public class CronListCommand extends NamedCommand implements ReadOnlyCommand {

    private final CronService cron;

    CronListCommand(CronService cron) {
        super("cron:list", "APP", "the current release's cron jobs (app.json): id, schedule, next run, last exit code,"
                + " command");
        this.cron = cron;
    }

    @Override
    public void run(CommandContext context) {
        String app = context.arg(0, "the app name");
        context.expectAtMost(1);
        List<CronService.Entry> entries = cron.list(app);
        context.out().println("=== " + app + " cron jobs (times in UTC)");
        if (entries.isEmpty()) {
            context.out().println("none: add \"cron\" entries to app.json and push");
            return;
        }
        String format = "%-8s  %-16s  %-23s  %-9s  %s%n";
        context.out().printf(format, "id", "schedule", "next run", "last exit", "command");
        for (CronService.Entry entry : entries) {
            String last = entry.running() ? "running"
                    : entry.last().map(run -> Integer.toString(run.exitCode())).orElse("-");
            context.out().printf(format, entry.job().id(), entry.job().schedule(),
                    entry.next().map(next -> Formats.time(next.toInstant())).orElse("never"), last,
                    entry.job().command());
        }
    }
}
