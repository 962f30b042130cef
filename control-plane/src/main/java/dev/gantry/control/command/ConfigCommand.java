package dev.gantry.control.command;

import dev.gantry.control.config.ConfigService;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.Map;

@Singleton
public class ConfigCommand extends NamedCommand implements ReadOnlyCommand {

    private final ConfigService config;

    ConfigCommand(ConfigService config) {
        super("config", "APP [--reveal]", "list an app's config vars (values hidden unless --reveal)");
        this.config = config;
    }

    @Override
    public void run(CommandContext context) {
        String app = context.arg(0, "the app name");
        boolean reveal = context.flag("--reveal");
        context.expectAtMost(reveal ? 2 : 1);
        Map<String, String> vars = config.config(app);
        context.out().println("=== " + app + " config" + (vars.isEmpty() ? ": none set" : ""));
        vars.forEach((key, value) -> context.out().println(key + "=" + (reveal ? value
                : "******** (" + value.getBytes(StandardCharsets.UTF_8).length + " bytes)")));
    }
}
