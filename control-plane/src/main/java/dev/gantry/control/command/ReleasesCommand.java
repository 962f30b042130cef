package dev.gantry.control.command;

import dev.gantry.control.releases.ReleaseHistory;
import dev.gantry.control.releases.ReleaseView;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class ReleasesCommand implements Command {

    private final ReleaseHistory history;

    ReleasesCommand(ReleaseHistory history) {
        this.history = history;
    }

    @Override
    public String name() {
        return "releases";
    }

    @Override
    public String usage() {
        return "APP";
    }

    @Override
    public String summary() {
        return "list an app's releases, newest first, marking the current and failed ones";
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
            context.out().printf("%-5s %-9s %s  %s  %-12s %s%s%n", release.label(), marker(release.status()),
                    Formats.time(release.createdAt()), release.commit(), release.createdBy(), release.summary(),
                    release.failure() == null ? "" : " (failed: " + release.failure() + ")");
        }
    }

    private static String marker(ReleaseView.Status status) {
        return switch (status) {
            case CURRENT -> "current";
            case FAILED -> "failed";
            case DEPLOYING -> "deploying";
            case SUCCEEDED -> "";
        };
    }
}
