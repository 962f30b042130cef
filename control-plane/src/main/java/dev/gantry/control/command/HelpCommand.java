package dev.gantry.control.command;

import jakarta.inject.Singleton;
import jakarta.inject.Inject;
import jakarta.inject.Provider;

@Singleton
public class HelpCommand extends NamedCommand implements ReadOnlyCommand {

    private static final int SYNOPSIS_WIDTH = 32;

    // A provider, because the dispatcher itself is built from every command, this one included.
    @Inject
    Provider<CommandDispatcher> dispatcher;

    HelpCommand() {
        super("help", "",
                "list the commands");
    }

    @Override
    public void run(CommandContext context) {
        context.out().println("Usage: ssh -p 2222 gantry@HOST COMMAND [ARGS], or ./gantry COMMAND [ARGS] on the host");
        context.out().println();
        for (Command command : dispatcher.get().commands()) {
            String synopsis = (command.name() + " " + command.usage()).trim();
            if (synopsis.length() > SYNOPSIS_WIDTH) {
                context.out().printf("  %s%n  %-" + SYNOPSIS_WIDTH + "s %s%n", synopsis, "", command.summary());
            } else {
                context.out().printf("  %-" + SYNOPSIS_WIDTH + "s %s%n", synopsis, command.summary());
            }
        }
    }
}
