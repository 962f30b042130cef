package dev.gantry.control.build;

import dev.gantry.control.domain.Build;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** One line of an app's build history as people see it; the number is the build's id, as releases:info shows it. */
public record BuildView(long number, String commit, String kind, Build.Status status, String createdBy,
        Instant startedAt, Instant finishedAt) {

    static BuildView of(Build build) {
        return new BuildView(build.id, build.shortCommit(), build.kind, build.status, build.createdBy,
                build.startedAt, build.finishedAt);
    }

    /** How long the build took; empty while it runs. */
    public Optional<Duration> duration() {
        return Optional.ofNullable(finishedAt).map(end -> Duration.between(startedAt, end));
    }
}
