package dev.gantry.control.command;

import dev.gantry.control.apps.AppSettingsService;
import jakarta.inject.Singleton;

@Singleton
public class ChecksDisableCommand extends ChecksToggleCommand {

    ChecksDisableCommand(AppSettingsService settings) {
        super(settings, false, "checks:disable",
                "skip the HTTP check; a new release only has to keep running for the uptime (default 10s)");
    }
}
