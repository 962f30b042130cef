package dev.gantry.control.command;

import dev.gantry.common.AppName;
import dev.gantry.control.GantryException;
import dev.gantry.control.audit.AuditLog;
import dev.gantry.control.users.Authorization;
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
    private final AuditLog audit;
    private final Authorization authorization;

    CommandDispatcher(@Any Instance<Command> all, AuditLog audit, Authorization authorization) {
        all.forEach(command -> commands.put(command.name(), command));
        this.audit = audit;
        this.authorization = authorization;
    }

    /** The app a command acted on: its first argument, when its usage starts with APP. */
    private static String appOf(Command command, List<String> args) {
        return command.usage().startsWith("APP") && !args.isEmpty() && AppName.isValid(args.get(0)) ? args.get(0) : null;
    }

    public Collection<Command> commands() {
        return commands.values();
    }

    /**
     * Runs argv as {@code actor} if the actor has the command's {@link Command#permission()} (on the
     * app named, when there is one: a missing or invalid name is the command's to refuse), and
     * records the outcome of anything but a {@link ReadOnlyCommand} in the audit log (by name and
     * app: arguments may hold secrets).
     *
     * @param tty whether the client has a terminal ({@code ssh -t}) a command may hand on, as {@code run} does
     */
    public int run(AuditLog.Actor actor, List<String> argv, InputStream stdin, PrintStream stdout, PrintStream stderr,
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
        List<String> args = List.copyOf(argv.subList(1, argv.size()));
        String app = appOf(command, args);
        String outcome = "ok";
        try {
            if (!command.permission().needsApp() || app != null) {
                authorization.check(actor.user(), command.permission(), app, command.name());
            }
            command.run(new CommandContext(actor.user(), command, args, stdin, stdout, stderr, tty));
            return 0;
        } catch (CommandExit e) {
            outcome = "exit " + e.code();
            return e.code();
        } catch (GantryException | EngineUnavailableException e) {
            outcome = "error: " + e.getMessage();
            stderr.println("error: " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            outcome = "error: " + e.getClass().getSimpleName();
            LOG.errorf(e, "%s failed for %s", command.name(), actor.user());
            stderr.println("error: " + command.name() + " failed unexpectedly (" + e.getClass().getSimpleName()
                    + "). The control plane's log has the details");
            return 1;
        } finally {
            stdout.flush();
            stderr.flush();
            if (!(command instanceof ReadOnlyCommand)) {
                String subject = command.subject(args);
                audit.record(actor, subject == null ? command.name() : command.name() + " " + subject, app, outcome);
            }
        }
    }
}
