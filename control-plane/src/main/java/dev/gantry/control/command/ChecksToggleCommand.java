package dev.gantry.control.command;

import dev.gantry.control.apps.AppSettingsService;

/** {@code checks:enable} and {@code checks:disable}: the same command with the switch the other way. */
abstract class ChecksToggleCommand extends NamedCommand {

    private final AppSettingsService settings;
    private final boolean enable;

    ChecksToggleCommand(AppSettingsService settings, boolean enable, String name, String summary) {
        super(name, "APP", summary);
        this.settings = settings;
        this.enable = enable;
    }

    @Override
    public void run(CommandContext context) {
        String app = context.arg(0, "the app name");
        context.expectAtMost(1);
        context.out().println(app + ": " + settings.enableChecks(app, enable).describe()
                + ". Applies from the next deploy or rollback");
    }
}
