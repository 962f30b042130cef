package dev.gantry.control.command;

import dev.gantry.control.apps.BuildpackSetting;
import jakarta.inject.Singleton;

@Singleton
public class BuildpacksSetCommand extends NamedCommand {

    private final BuildpackSetting setting;

    BuildpacksSetCommand(BuildpackSetting setting) {
        super("buildpacks:set", "APP KIND|auto", "build the app as KIND (dockerfile, java, node, ...) from the next push;"
                + " auto detects it");
        this.setting = setting;
    }

    @Override
    public void run(CommandContext context) {
        String app = context.arg(0, "the app name");
        String kind = context.arg(1, "the build kind");
        context.expectAtMost(2);
        setting.set(app, kind);
        context.out().println("=====> " + app + " is built " + setting.of(app).map(k -> "as " + k)
                .orElse("as detected on each push") + " from the next push");
    }
}
