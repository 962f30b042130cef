package dev.gantry.control.command;

import dev.gantry.control.deploy.RollbackService;
import dev.gantry.control.releases.ReleaseDetails;
import dev.gantry.control.releases.ReleaseDiff;
import jakarta.inject.Singleton;
import java.io.PrintStream;

@Singleton
public class ReleasesDiffCommand extends NamedCommand implements ReadOnlyCommand {

    private final ReleaseDiff diff;

    ReleasesDiffCommand(ReleaseDiff diff) {
        super("releases:diff", "APP vA vB",
                "compare two releases: build, commits between them, config keys, health check");
        this.diff = diff;
    }

    @Override
    public void run(CommandContext context) {
        String app = context.arg(0, "the app name");
        int from = RollbackService.parseVersion(context.arg(1, "the first release (vA)"));
        int to = RollbackService.parseVersion(context.arg(2, "the second release (vB)"));
        context.expectAtMost(3);
        ReleaseDiff.Comparison comparison = diff.between(app, from, to);
        ReleaseDetails a = comparison.from();
        ReleaseDetails b = comparison.to();
        PrintStream out = context.out();
        out.println("=== " + app + " " + a.release().label() + " -> " + b.release().label());
        out.printf("Build:         #%d (%s) -> #%d (%s)%s%n", a.buildId(), a.release().commit(), b.buildId(),
                b.release().commit(), a.buildId() == b.buildId() ? "  same build" : "");
        out.printf("Commits:       %s%n", comparison.sameCommit() ? "same commit"
                : comparison.commits().isEmpty()
                        ? "not a descendant of " + a.release().commit() + " (rolled back or force-pushed)"
                        : comparison.commits().size() + (comparison.moreCommits() ? "+" : "") + " new");
        comparison.commits().forEach(commit -> out.printf("  %s %s%n", commit.shortId(), commit.subject()));
        out.printf("Config:        %s%n", comparison.config().describe());
        out.printf("Health check:  %s%n", a.checks().equals(b.checks()) ? "same: " + b.checks().describe()
                : a.checks().describe() + " -> " + b.checks().describe());
    }
}
