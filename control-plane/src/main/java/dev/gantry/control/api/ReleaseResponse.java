package dev.gantry.control.api;

import dev.gantry.control.releases.ReleaseView;
import java.time.Instant;

/** A release as the API shows it. */
public record ReleaseResponse(int version, String status, Instant createdAt, String commit, String createdBy,
        String summary, String failure) {

    static ReleaseResponse of(ReleaseView view) {
        return new ReleaseResponse(view.version(), view.status().name().toLowerCase().replace('_', '-'),
                view.createdAt(), view.commit(), view.createdBy(), view.summary(), view.failure());
    }
}
