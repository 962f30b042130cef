package dev.gantry.control.api;

import dev.gantry.control.deploy.Rollout;
import dev.gantry.control.releases.ConfigDiff;
import dev.gantry.control.releases.ReleaseDetails;
import java.util.List;

/**
 * One release as {@code releases:info} shows it. Config values never leave the server here:
 * {@code configKeys} names the vars, {@code configChange} the keys changed since the release before.
 */
public record ReleaseInfoResponse(ReleaseResponse release, long build, String buildKind, String fullCommit,
        String image, List<String> configKeys, ConfigDiff configChange, AppSettingsResource.Checks checks,
        ReleaseDetails.Rollout rollout) {

    static ReleaseInfoResponse of(ReleaseDetails details) {
        return new ReleaseInfoResponse(ReleaseResponse.of(details.release()), details.buildId(), details.buildKind(),
                details.fullCommit(), details.image(), details.config().keySet().stream().sorted().toList(),
                details.configChange(), AppSettingsResource.Checks.of(details.checks()), details.rollout());
    }
}
