package dev.gantry.control.command;

import dev.gantry.control.GantryConfig;
import dev.gantry.control.deploy.RollbackService;
import dev.gantry.control.releases.ConfigDiff;
import dev.gantry.control.releases.ReleaseDetails;
import dev.gantry.control.releases.ReleaseHistory;
import dev.gantry.git.CommitLog;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.List;

@Singleton
public class ReleasesDiffCommand extends NamedCommand implements ReadOnlyCommand {

    private static final int MAX_COMMITS = 20;

    private final ReleaseHistory history;
    private final GantryConfig config;

    ReleasesDiffCommand(ReleaseHistory history, GantryConfig config) {
        super("releases:diff", "APP vA vB",
                "compare two releases: build, commits between them, config keys, health check");
        this.history = history;
        this.config = config;
    }

    @Override
    public void run(CommandContext context) {
        String app = context.arg(0, "the app name");
        ReleaseDetails a = history.details(app, RollbackService.parseVersion(context.arg(1, "the first release (vA)")));
        ReleaseDetails b = history.details(app, RollbackService.parseVersion(context.arg(2, "the second release (vB)")));
        context.expectAtMost(3);
        PrintStream out = context.out();
        out.println("=== " + app + " " + a.release().label() + " -> " + b.release().label());
        out.printf("Build:         #%d (%s) -> #%d (%s)%s%n", a.buildId(), a.release().commit(), b.buildId(),
                b.release().commit(), a.buildId() == b.buildId() ? "  same build" : "");
        List<CommitLog.Entry> commits = commits(app, a.fullCommit(), b.fullCommit());
        out.printf("Commits:       %s%n", a.fullCommit().equals(b.fullCommit()) ? "same commit"
                : commits.isEmpty() ? "not a descendant of " + a.release().commit() + " (rolled back or force-pushed)"
                : commits.size() + (commits.size() == MAX_COMMITS ? "+" : "") + " new");
        commits.forEach(commit -> out.printf("  %s %s%n", commit.shortId(), commit.subject()));
        out.printf("Config:        %s%n", ConfigDiff.between(a.config(), b.config()).describe());
        out.printf("Health check:  %s%n", a.checks().equals(b.checks()) ? "same: " + b.checks().describe()
                : a.checks().describe() + " -> " + b.checks().describe());
    }

    private List<CommitLog.Entry> commits(String app, String from, String to) {
        try {
            return CommitLog.between(config.home().resolve("repos").resolve(app + ".git"), from, to, MAX_COMMITS);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the commits of " + app + ": " + e.getMessage(), e);
        }
    }
}
