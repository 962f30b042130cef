package dev.gantry.control.deploy;

import dev.gantry.control.checks.HealthCheckSpec;
import dev.gantry.control.domain.DeployPolicy;
import dev.gantry.control.domain.Release;
import java.util.Map;

/** A detached view of the release being rolled out, safe to use outside a transaction. */
public record RolloutTarget(String app, long releaseId, int version, String image, Map<String, String> config,
        HealthCheckSpec checks, DeployPolicy policy, long deploymentId) {

    static RolloutTarget of(Release release, long deploymentId) {
        return new RolloutTarget(release.app.name, release.id, release.version, release.build.imageId,
                Map.copyOf(release.config.vars), release.checksOrDefault(), release.app.deployPolicy(), deploymentId);
    }

    public String label() {
        return "v" + version;
    }
}
