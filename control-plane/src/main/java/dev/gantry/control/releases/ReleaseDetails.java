package dev.gantry.control.releases;



import dev.gantry.control.checks.HealthCheckSpec;
import java.time.Instant;
import java.util.Map;

/** Everything {@code releases:info} shows about one release. */
public record ReleaseDetails(ReleaseView release, long buildId, String buildKind, String fullCommit, String image,
        Map<String, String> config, ConfigDiff configChange, HealthCheckSpec checks, Rollout rollout) {

    /**
     * The rollout of the release: state, when each step was reached, the release command it ran, and
     * for a failed start the instance's last output (null otherwise).
     */
    public record Rollout(String state, Instant startedAt, Instant healthyAt, Instant switchedAt, Instant finishedAt,
            String failure, String releaseCommand, String lastOutput) {
    }
}
