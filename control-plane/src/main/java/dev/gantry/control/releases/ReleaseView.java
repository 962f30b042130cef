package dev.gantry.control.releases;

import java.time.Instant;

/** One line of an app's release history as people see it. */
public record ReleaseView(int version, Status status, Instant createdAt, String commit, String createdBy,
        String summary, String failure) {

    public enum Status { CURRENT, SUCCEEDED, FAILED, ROLLED_BACK, DEPLOYING }

    public String label() {
        return "v" + version;
    }
}
