package dev.gantry.control.command;

import dev.gantry.control.InvalidInputException;
import dev.gantry.control.config.ConfigService;
import jakarta.inject.Singleton;

@Singleton
public class ConfigGetCommand extends NamedCommand implements ReadOnlyCommand {

    private final ConfigService config;

    ConfigGetCommand(ConfigService config) {
        super("config:get", "APP KEY", "print one config value exactly, with nothing added");
        this.config = config;
    }

    @Override
    public void run(CommandContext context) {
        String app = context.arg(0, "the app name");
        String key = context.arg(1, "the key");
        context.expectAtMost(2);
        String value = config.config(app).get(key);
        if (value == null) {
            throw new InvalidInputException(key + " is not set on " + app + ". Run 'config " + app + "' to list the keys");
        }
        context.out().print(value);
    }
}
