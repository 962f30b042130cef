package dev.gantry.control.command;

import dev.gantry.control.GantryException;
import dev.gantry.node.EngineUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/** Finds the command named by argv[0], runs it, and turns failures into one "error:" line. */
@ApplicationScoped
public class CommandDispatcher {

    private static final Logger LOG = Logger.getLogger(CommandDispatcher.class);

    private final Map<String, Command> commands = new TreeMap<>();

    CommandDispatcher(@Any Instance<Command> all) {
        all.forEach(command -> commands.put(command.name(), command));
    }

    public Collection<Command> commands() {
        return commands.values();
    }

    /** @param tty whether the client has a terminal ({@code ssh -t}) a command may hand on, as {@code run} does */
    public int run(String user, List<String> argv, InputStream stdin, PrintStream stdout, PrintStream stderr,
            boolean tty) {
        if (argv.isEmpty()) {
            stderr.println("error: no command given. Run 'help' to list the commands");
            return 1;
        }
        Command command = commands.get(argv.get(0));
        if (command == null) {
            stderr.println("error: unknown command '" + argv.get(0) + "'. Run 'help' to list the commands");
            return 1;
        }
        try {
            command.run(new CommandContext(user, command, List.copyOf(argv.subList(1, argv.size())), stdin, stdout,
                    stderr, tty));
            return 0;
        } catch (CommandExit e) {
            return e.code();
        } catch (GantryException | EngineUnavailableException e) {
            stderr.println("error: " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            LOG.errorf(e, "%s failed for %s", command.name(), user);
            stderr.println("error: " + command.name() + " failed unexpectedly (" + e.getClass().getSimpleName()
                    + "). The control plane's log has the details");
            return 1;
        } finally {
            stdout.flush();
            stderr.flush();
        }
    }
}
