package dev.gantry.control.command;

import dev.gantry.control.config.ConfigService;
import jakarta.inject.Singleton;

@Singleton
public class ConfigUnsetCommand extends NamedCommand {

    private final ConfigService config;

    ConfigUnsetCommand(ConfigService config) {
        super("config:unset", "APP KEY [KEY2 ...]", "remove config vars: a new release, rolled out with no downtime");
        this.config = config;
    }

    @Override
    public void run(CommandContext context) {
        String app = context.arg(0, "the app name");
        config.unset(app, context.args().subList(1, context.args().size()), context.user(), context.out()::println)
                .ifPresent(release -> context.out().println("=====> " + app + " " + release.label() + " serves the new config"));
    }
}
