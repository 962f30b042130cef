package dev.gantry.control.command;

import dev.gantry.control.services.ServiceSessions;
import jakarta.inject.Singleton;
import java.io.PrintStream;

@Singleton
public class ServicesLogsCommand extends ServiceCommand implements ReadOnlyCommand {

    private final ServiceSessions sessions;

    ServicesLogsCommand(ServiceSessions sessions) {
        super("services:logs", "NAME [-f]", "show what a service's instance wrote lately (-f follows)", 0);
        this.sessions = sessions;
    }

    @Override
    public void run(CommandContext context) {
        String name = context.arg(0, "the service name");
        boolean follow = context.flag("-f");
        context.expectAtMost(follow ? 2 : 1);
        PrintStream out = context.out();
        sessions.logs(name, context.user(), follow, line -> {
            out.println(line);
            out.flush();
        }, () -> !out.checkError() && !Thread.currentThread().isInterrupted());
    }
}
