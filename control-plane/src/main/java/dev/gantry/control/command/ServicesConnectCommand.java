package dev.gantry.control.command;

import dev.gantry.control.services.ServiceSessions;
import jakarta.inject.Singleton;

@Singleton
public class ServicesConnectCommand extends ServiceCommand {

    private final ServiceSessions sessions;

    ServicesConnectCommand(ServiceSessions sessions) {
        super("services:connect", "NAME", "open psql or redis-cli on a service (ssh -t: in a TTY; or pipe commands in)",
                0);
        this.sessions = sessions;
    }

    @Override
    public void run(CommandContext context) {
        String name = context.arg(0, "the service name");
        context.expectAtMost(1);
        int exitCode = sessions.connect(name, context.user(), context.stdin(), context.out(), context.err(),
                context.tty());
        context.out().flush();
        if (exitCode != 0) {
            throw new CommandExit(exitCode);
        }
    }
}
