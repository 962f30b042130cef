package dev.gantry.control.releases;

import dev.gantry.build.ProcessTypes;
import dev.gantry.control.checks.HealthCheckSpec;
import dev.gantry.control.domain.DeployPolicy;
import dev.gantry.control.domain.Formation;
import dev.gantry.control.domain.Release;
import dev.gantry.control.domain.StorageMount;
import dev.gantry.node.ResourceLimits;
import dev.gantry.node.VolumeMount;
import java.util.List;
import java.util.Map;

/**
 * A detached view of the release being rolled out, safe to use outside a transaction, with the
 * formation (instances, limits and placement per long-running process type), volumes and root
 * filesystem setting it starts with.
 */
public record RolloutTarget(String app, long releaseId, int version, String summary, String createdBy, String image,
        Map<String, String> config, HealthCheckSpec checks, ProcessTypes processTypes, Map<String, Integer> formation,
        Map<String, ResourceLimits> limits, Map<String, Map<String, String>> placement, List<AppMount> mounts,
        boolean readOnlyRoot, DeployPolicy policy, long deploymentId) {

    /** A volume mounted at a path in one process type, or in all of them when {@code processType} is null. */
    public record AppMount(String volume, String path, String processType) {
    }

    public static final ResourceLimits DEFAULT_LIMITS = new ResourceLimits(Formation.DEFAULT_MEMORY_BYTES, 0, 0);

    static RolloutTarget of(Release release, long deploymentId) {
        ProcessTypes types = release.processTypesOrDefault();
        return new RolloutTarget(release.app.name, release.id, release.version, release.summary, release.createdBy,
                release.build.imageId, Map.copyOf(release.config.vars), release.checksOrDefault(), types,
                Map.copyOf(Formation.ensureFor(release.app, types.longRunning().keySet())),
                Map.copyOf(Formation.limitsOf(release.app)), Map.copyOf(Formation.placementOf(release.app)),
                StorageMount.of(release.app).stream().map(m -> new AppMount(m.storage.volumeName(), m.path,
                        m.processType)).toList(),
                release.app.readOnlyRoot, release.app.deployPolicy(), deploymentId);
    }

    public String label() {
        return "v" + version;
    }

    public int quantity(String processType) {
        return formation.getOrDefault(processType, 0);
    }

    /** What each instance of the type may use (Gantry's defaults when the type has no limits of its own). */
    public ResourceLimits limits(String processType) {
        return limits.getOrDefault(processType, DEFAULT_LIMITS);
    }

    /** The host labels an instance of the type needs on a cluster (none: any host). */
    public Map<String, String> placement(String processType) {
        return placement.getOrDefault(processType, Map.of());
    }

    /** The volumes an instance of the type (or a one-off run, whose type no mount names) gets. */
    public List<VolumeMount> mounts(String processType) {
        return mounts.stream()
                .filter(m -> m.processType() == null || m.processType().equals(processType))
                .map(m -> new VolumeMount(m.volume(), m.path()))
                .toList();
    }

    /** The same release with another formation, for a scale change. */
    public RolloutTarget withFormation(Map<String, Integer> counts) {
        return new RolloutTarget(app, releaseId, version, summary, createdBy, image, config, checks, processTypes,
                Map.copyOf(counts), limits, placement, mounts, readOnlyRoot, policy, deploymentId);
    }
}
