package dev.gantry.control.command;

import dev.gantry.control.apps.AppSettingsService;
import jakarta.inject.Singleton;

@Singleton
public class ChecksSetCommand extends NamedCommand {

    private final AppSettingsService settings;

    ChecksSetCommand(AppSettingsService settings) {
        super("checks:set", "APP [path=/health] [timeout=5s] [attempts=20] [wait=2s] [uptime=10s] [boot=60s]",
                "change the health check new releases must pass before they take traffic");
        this.settings = settings;
    }

    @Override
    public void run(CommandContext context) {
        String app = context.arg(0, "the app name");
        String now = settings.setChecks(app, context.args().subList(1, context.args().size())).describe();
        context.out().println(app + ": " + now + ". Applies from the next deploy or rollback");
    }
}
