package dev.gantry.control.command;

import dev.gantry.control.build.BuildHistory;
import dev.gantry.control.build.BuildView;
import dev.gantry.control.build.Elapsed;
import jakarta.inject.Singleton;
import java.util.List;

@Singleton
public class BuildsCommand extends NamedCommand implements ReadOnlyCommand {

    private final BuildHistory history;

    BuildsCommand(BuildHistory history) {
        super("builds", "APP", "list an app's builds, newest first: number, commit, kind, status, when, how long");
        this.history = history;
    }

    @Override
    public void run(CommandContext context) {
        String app = context.arg(0, "the app name");
        context.expectAtMost(1);
        List<BuildView> builds = history.of(app);
        context.out().println("=== " + app + " builds");
        if (builds.isEmpty()) {
            context.out().println("none yet: git push to build");
            return;
        }
        context.out().printf("%-6s %-8s %-11s %-10s %-24s %8s  %s%n", "build", "commit", "kind", "status", "started",
                "took", "by");
        for (BuildView build : builds) {
            context.out().printf("%-6s %-8s %-11s %-10s %-24s %8s  %s%n", "#" + build.number(), build.commit(),
                    build.kind(), build.status().name().toLowerCase(), Formats.time(build.startedAt()),
                    build.duration().map(Elapsed::of).orElse("-"), build.createdBy());
        }
    }
}
