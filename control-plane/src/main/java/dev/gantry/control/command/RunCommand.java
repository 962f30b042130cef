package dev.gantry.control.command;

import dev.gantry.control.oneoff.OneOffRunner;
import jakarta.inject.Singleton;
import java.util.List;

@Singleton
public class RunCommand extends NamedCommand {

    private final OneOffRunner runner;

    RunCommand(OneOffRunner runner) {
        super("run", "APP -- COMMAND [ARGS...]",
                "run a one-off command in a fresh container of the current release, with its config (ssh -t: a TTY)");
        this.runner = runner;
    }

    @Override
    public void run(CommandContext context) {
        String app = context.arg(0, "the app name");
        List<String> command = context.args().subList(1, context.args().size());
        if (!command.isEmpty() && command.get(0).equals("--")) {
            command = command.subList(1, command.size());
        }
        int exitCode = runner.run(app, command, context.user(), context.stdin(), context.out(), context.err(),
                context.tty());
        context.out().flush();
        if (exitCode != 0) {
            throw new CommandExit(exitCode);
        }
    }
}
