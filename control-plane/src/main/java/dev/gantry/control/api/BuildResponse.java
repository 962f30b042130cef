package dev.gantry.control.api;

import dev.gantry.control.build.BuildView;
import java.time.Instant;

/** A build as the API lists it; {@code seconds} is null while it runs. */
public record BuildResponse(long number, String commit, String kind, String status, Instant startedAt,
        Instant finishedAt, Double seconds, String createdBy) {

    static BuildResponse of(BuildView view) {
        return new BuildResponse(view.number(), view.commit(), view.kind(), view.status().name().toLowerCase(),
                view.startedAt(), view.finishedAt(), view.duration().map(d -> d.toMillis() / 1000.0).orElse(null),
                view.createdBy());
    }
}
