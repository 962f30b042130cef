package dev.gantry.control.command;

import dev.gantry.control.apps.AppService;
import dev.gantry.control.logs.AppLogStore;
import dev.gantry.control.logs.LogFollow;
import dev.gantry.control.logs.LogQuery;
import jakarta.inject.Singleton;
import java.io.PrintStream;

@Singleton
public class LogsCommand extends NamedCommand implements ReadOnlyCommand {

    private final AppService apps;
    private final AppLogStore store;

    LogsCommand(AppService apps, AppLogStore store) {
        super("logs", LogQuery.USAGE,
                "show an app's log: every instance's output and Gantry's events, by time (-f follows)");
        this.apps = apps;
        this.store = store;
    }

    @Override
    public void run(CommandContext context) {
        String app = context.arg(0, "the app name");
        LogQuery query = LogQuery.parse(context.args().subList(1, context.args().size()));
        apps.get(app);
        PrintStream out = context.out();
        LogFollow.show(store, app, query, line -> {
            out.println(LogFollow.format(line));
            out.flush();
        }, () -> !out.checkError() && !Thread.currentThread().isInterrupted());
    }
}
