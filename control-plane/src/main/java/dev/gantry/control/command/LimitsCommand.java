package dev.gantry.control.command;

import dev.gantry.control.formation.LimitsService;
import jakarta.inject.Singleton;

@Singleton
public class LimitsCommand extends NamedCommand implements ReadOnlyCommand {

    private final LimitsService limits;

    LimitsCommand(LimitsService limits) {
        super("limits", "APP", "show what each instance of each process type may use (memory, cpus, pids)");
        this.limits = limits;
    }

    @Override
    public void run(CommandContext context) {
        String app = context.arg(0, "the app name");
        context.expectAtMost(1);
        context.out().println("=== " + app + " limits per instance");
        limits.limits(app).forEach((type, value) ->
                context.out().printf("%-12s %s%n", type, LimitsService.describe(value)));
    }
}
