package dev.gantry.control.command;

import dev.gantry.control.apps.AppSettingsService;
import jakarta.inject.Singleton;

@Singleton
public class ChecksReportCommand extends NamedCommand implements ReadOnlyCommand {

    private final AppSettingsService settings;

    ChecksReportCommand(AppSettingsService settings) {
        super("checks:report", "APP", "show the health check the next release of an app will run with");
        this.settings = settings;
    }

    @Override
    public void run(CommandContext context) {
        String app = context.arg(0, "the app name");
        context.expectAtMost(1);
        context.out().println(app + ": " + settings.checks(app).describe());
    }
}
