package dev.gantry.control.command;

import dev.gantry.control.config.ConfigService;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
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
        Map<String, String> changes = new LinkedHashMap<>();
        if (rest.size() == 2 && rest.get(1).equals("--stdin")) {
            changes.put(rest.get(0), context.readStdin());
        } else {
            for (String assignment : rest) {
                int equals = assignment.indexOf('=');
                if (equals <= 0) {
                    throw context.usageError("'" + assignment + "' is not KEY=VALUE");
                }
                changes.put(assignment.substring(0, equals), assignment.substring(equals + 1));
            }
        }
        config.set(app, changes, context.user(), context.out()::println)
                .ifPresent(release -> context.out().println("=====> " + app + " " + release.label() + " serves the new config"));
    }
}
