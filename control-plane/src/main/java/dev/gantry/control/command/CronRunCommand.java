package dev.gantry.control.command;

import dev.gantry.control.cron.CronService;
import jakarta.inject.Singleton;

@Singleton
public class CronRunCommand extends NamedCommand {

    private final CronService cron;

    CronRunCommand(CronService cron) {
        super("cron:run", "APP ID", "run a cron job now, as its schedule would; its output here and in logs");
        this.cron = cron;
    }

    @Override
    public void run(CommandContext context) {
        String app = context.arg(0, "the app name");
        String id = context.arg(1, "the cron job's id (cron:list shows them)");
        context.expectAtMost(2);
        int exitCode = cron.runNow(app, id, context.user(), context.out()::println);
        context.out().flush();
        if (exitCode != 0) {
            throw new CommandExit(exitCode);
        }
    }
}
