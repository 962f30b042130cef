package dev.gantry.control.command;

import dev.gantry.control.apps.AppSettingsService;
import jakarta.inject.Singleton;

@Singleton
public class ChecksEnableCommand extends ChecksToggleCommand {

    ChecksEnableCommand(AppSettingsService settings) {
        super(settings, true, "checks:enable", "check new releases over HTTP again");
    }
}
