package dev.gantry.control.command;

import dev.gantry.control.apps.AppSettingsService;
import dev.gantry.control.checks.Durations;
import dev.gantry.control.domain.DeployPolicy;
import jakarta.inject.Singleton;
import java.io.PrintStream;

@Singleton
public class DeployReportCommand extends NamedCommand implements ReadOnlyCommand {

    private final AppSettingsService settings;

    DeployReportCommand(AppSettingsService settings) {
        super("deploy:report", "APP", "show how rollouts of an app drain, stop and watch");
        this.settings = settings;
    }

    @Override
    public void run(CommandContext context) {
        String app = context.arg(0, "the app name");
        context.expectAtMost(1);
        print(app, settings.policy(app), context.out());
    }

    static void print(String app, DeployPolicy policy, PrintStream out) {
        out.println("=== " + app + " rollouts");
        out.printf("Drain timeout:  %s (requests in flight to old instances may finish)%n",
                Durations.format(policy.drainTimeout()));
        out.printf("Stop grace:     %s (between SIGTERM and SIGKILL)%n", Durations.format(policy.stopGrace()));
        out.printf("Watch:          %s after the switch%n", Durations.format(policy.watchWindow()));
        out.printf("Auto-rollback:  %s%n", policy.autoRollback() ? "on" : "off");
    }
}
