package dev.gantry.control.command;

import dev.gantry.control.Assignments;
import dev.gantry.control.config.ConfigService;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;

@Singleton
public class ConfigSetCommand extends NamedCommand {

    private final ConfigService config;

    ConfigSetCommand(ConfigService config) {
        super("config:set", "APP KEY=VALUE [KEY2=VALUE2 ...]   or   APP KEY --stdin  (value read from stdin, byte-exact)",
                "set config vars: a new release with the same build, rolled out with no downtime");
        this.config = config;
    }

    @Override
    public void run(CommandContext context) {
        String app = context.arg(0, "the app name");
        List<String> rest = context.args().subList(1, context.args().size());
        Map<String, String> changes = rest.size() == 2 && rest.get(1).equals("--stdin")
                ? Map.of(rest.get(0), context.readStdin())
                : Assignments.parse(rest, "GREETING=hello, or KEY --stdin for a value with newlines");
        config.set(app, changes, context.user(), context.out()::println)
                .ifPresent(release -> context.out().println("=====> " + app + " " + release.label() + " serves the new config"));
    }
}
