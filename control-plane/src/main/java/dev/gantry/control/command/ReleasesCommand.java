package dev.gantry.control.command;

import dev.gantry.control.releases.ReleaseHistory;
import dev.gantry.control.releases.ReleaseView;
import jakarta.inject.Singleton;
import java.util.List;

@Singleton
public class ReleasesCommand extends NamedCommand implements ReadOnlyCommand {

    private final ReleaseHistory history;

    ReleasesCommand(ReleaseHistory history) {
        super("releases", "APP",
                "list an app's releases, newest first, marking the current and failed ones");
        this.history = history;
    }

    @Override
    public void run(CommandContext context) {
        String app = context.arg(0, "the app name");
        context.expectAtMost(1);
        List<ReleaseView> releases = history.of(app);
        context.out().println("=== " + app + " releases");
        if (releases.isEmpty()) {
            context.out().println("none yet: git push to deploy");
        }
        for (ReleaseView release : releases) {
            context.out().printf("%-5s %-11s %s  %s  %-12s %s%s%n", release.label(), marker(release.status()),
                    Formats.time(release.createdAt()), release.commit(), release.createdBy(), release.summary(),
                    release.failure() == null ? "" : " (" + release.failure() + ")");
        }
    }

    private static String marker(ReleaseView.Status status) {
        return switch (status) {
            case CURRENT -> "current";
            case FAILED -> "failed";
            case ROLLED_BACK -> "rolled-back";
            case DEPLOYING -> "deploying";
            case SUCCEEDED -> "";
        };
    }
}
