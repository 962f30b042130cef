package dev.gantry.control.command;

import dev.gantry.control.apps.AppSettingsService;
import jakarta.inject.Singleton;

@Singleton
public class DeploySetCommand extends NamedCommand {

    private final AppSettingsService settings;

    DeploySetCommand(AppSettingsService settings) {
        super("deploy:set", "APP [drain-timeout=30s] [stop-grace=10s] [watch=60s] [auto-rollback=true]",
                "change how rollouts retire old instances and watch new releases");
        this.settings = settings;
    }

    @Override
    public void run(CommandContext context) {
        String app = context.arg(0, "the app name");
        settings.setPolicy(app, context.args().subList(1, context.args().size()));
        DeployReportCommand.print(app, settings.policy(app), context.out());
    }
}
