package dev.gantry.control.command;

import dev.gantry.control.deploy.RollbackService;
import dev.gantry.control.deploy.Rollout;
import dev.gantry.control.releases.ReleaseDetails;
import dev.gantry.control.releases.ReleaseHistory;
import jakarta.inject.Singleton;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;

@Singleton
public class ReleasesInfoCommand extends NamedCommand implements ReadOnlyCommand {

    private final ReleaseHistory history;

    ReleasesInfoCommand(ReleaseHistory history) {
        super("releases:info", "APP vK",
                "show a release: build, commit, config change, health check, who made it, rollout timings");
        this.history = history;
    }

    @Override
    public void run(CommandContext context) {
        String app = context.arg(0, "the app name");
        int version = RollbackService.parseVersion(context.arg(1, "the release version (vK)"));
        context.expectAtMost(2);
        ReleaseDetails details = history.details(app, version);
        PrintStream out = context.out();
        out.println("=== " + app + " " + details.release().label()
                + (details.release().status().name().equals("CURRENT") ? " (current)" : ""));
        out.printf("Summary:       %s%n", details.release().summary());
        out.printf("Made by:       %s at %s%n", details.release().createdBy(), Formats.time(details.release().createdAt()));
        out.printf("Build:         #%d (%s) of commit %s%n", details.buildId(), details.buildKind(), details.fullCommit());
        out.printf("Image:         %s%n", details.image());
        out.printf("Config:        %d var(s); against the release before: %s%n", details.config().size(),
                details.configChange().describe());
        out.printf("Health check:  %s%n", details.checks().describe());
        ReleaseDetails.Rollout rollout = details.rollout();
        if (rollout == null) {
            out.println("Rollout:       none");
            return;
        }
        out.printf("Rollout:       %s, started %s%n", rollout.state().toLowerCase().replace('_', '-'),
                Formats.time(rollout.startedAt()));
        out.printf("  healthy:     %s%n", after(rollout.startedAt(), rollout.healthyAt()));
        out.printf("  switched:    %s%n", after(rollout.startedAt(), rollout.switchedAt()));
        if (rollout.releaseCommand() != null) {
            out.printf("  release command ran: %s%n", rollout.releaseCommand());
        }
        if (rollout.failure() != null) {
            out.printf("  reason:      %s%n", rollout.failure());
        }
        if (rollout.lastOutput() != null) {
            out.println("  last output of the instance that failed:");
            rollout.lastOutput().lines().forEach(line -> out.println("    " + line));
        }
    }

    private static String after(Instant start, Instant step) {
        return step == null ? "-" : String.format("after %.2f s", Duration.between(start, step).toMillis() / 1000.0);
    }
}
