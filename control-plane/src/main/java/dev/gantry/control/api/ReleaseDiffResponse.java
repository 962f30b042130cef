package dev.gantry.control.api;

import dev.gantry.control.releases.ConfigDiff;
import dev.gantry.control.releases.ReleaseDiff;
import dev.gantry.git.CommitLog;
import java.util.List;

/**
 * Two releases compared, as {@code releases:diff}: {@code commits} are those of {@code to} since
 * {@code from} (at most {@link ReleaseDiff#MAX_COMMITS}; {@code moreCommits} when cut), empty when
 * {@code to} does not descend from {@code from}.
 */
public record ReleaseDiffResponse(ReleaseResponse from, ReleaseResponse to, long fromBuild, long toBuild,
        boolean sameCommit, List<CommitLog.Entry> commits, boolean moreCommits, ConfigDiff config,
        AppSettingsResource.Checks fromChecks, AppSettingsResource.Checks toChecks) {

    static ReleaseDiffResponse of(ReleaseDiff.Comparison comparison) {
        return new ReleaseDiffResponse(ReleaseResponse.of(comparison.from().release()),
                ReleaseResponse.of(comparison.to().release()), comparison.from().buildId(),
                comparison.to().buildId(), comparison.sameCommit(), comparison.commits(), comparison.moreCommits(),
                comparison.config(), AppSettingsResource.Checks.of(comparison.from().checks()),
                AppSettingsResource.Checks.of(comparison.to().checks()));
    }
}
