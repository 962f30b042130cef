package dev.gantry.control.command;

import dev.gantry.control.config.ConfigKeyRotation;
import jakarta.inject.Singleton;

@Singleton
public class ConfigRotateKeyCommand extends AdminCommand {

    private final ConfigKeyRotation rotation;

    ConfigRotateKeyCommand(ConfigKeyRotation rotation) {
        super("config:rotate-key", "", "seal every app's config with a new encryption key (then back up the key)");
        this.rotation = rotation;
    }

    @Override
    public void run(CommandContext context) {
        context.expectAtMost(0);
        context.out().println(rotation.rotate());
    }
}
