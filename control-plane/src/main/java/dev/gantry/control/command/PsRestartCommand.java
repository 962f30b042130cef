package dev.gantry.control.command;

import dev.gantry.control.formation.RestartService;
import jakarta.inject.Singleton;
import java.util.Optional;

@Singleton
public class PsRestartCommand extends NamedCommand {

    private final RestartService restarts;

    PsRestartCommand(RestartService restarts) {
        super("ps:restart", "APP [TYPE]", "replace instances one by one with fresh ones, with no dropped request");
        this.restarts = restarts;
    }

    @Override
    public void run(CommandContext context) {
        String app = context.arg(0, "the app name");
        Optional<String> type = context.args().size() > 1 ? Optional.of(context.arg(1, "the process type"))
                : Optional.empty();
        context.expectAtMost(2);
        int restarted = restarts.restart(app, type, context.user(), context.out()::println);
        context.out().println("=====> Restarted " + restarted + " instance(s) of " + app);
    }
}
