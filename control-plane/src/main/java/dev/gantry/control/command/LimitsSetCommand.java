package dev.gantry.control.command;

import dev.gantry.control.Assignments;
import dev.gantry.control.formation.LimitsService;
import dev.gantry.node.ResourceLimits;
import jakarta.inject.Singleton;

@Singleton
public class LimitsSetCommand extends NamedCommand {

    private final LimitsService limits;

    LimitsSetCommand(LimitsService limits) {
        super("limits:set", "APP TYPE [memory=512m] [cpus=0.5] [pids=256]   (NAME=default resets one)",
                "limit what each instance of a process type may use; applies to instances started from now on");
        this.limits = limits;
    }

    @Override
    public void run(CommandContext context) {
        String app = context.arg(0, "the app name");
        String type = context.arg(1, "the process type");
        ResourceLimits set = limits.set(app, type, Assignments.parse(context.args().subList(2, context.args().size()),
                "memory=512m cpus=0.5 pids=256"), context.user());
        context.out().println("=====> " + app + " " + type + ": " + LimitsService.describe(set));
        context.out().println("Instances started from now on get these limits. Run 'ps:restart " + app + " " + type
                + "' to apply them to the running ones, with no downtime");
    }
}
