package dev.gantry.node.docker;

import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.LogConfig;
import com.github.dockerjava.api.model.RestartPolicy;
import dev.gantry.node.ContainerSpec;
import dev.gantry.node.Isolation;
import dev.gantry.node.ResourceLimits;

import java.util.List;
import java.util.Map;

/**
 * What every app container gets beyond Docker's defaults (reliability.md §1): only the
 * capabilities a typical app server needs to drop root and bind low ports, no privilege gain
 * through setuid binaries, a pids limit so a fork bomb stays inside its container, the spec's
 * memory and CPU limits, its own network rather than the bridge every container shares, optionally a
 * read-only root filesystem, and bounded log files so a chatty app cannot fill the node's disk.
 */
final class AppContainerHardening {

    static final long PIDS_LIMIT = ResourceLimits.DEFAULT_PIDS;
    static final Capability[] KEPT_CAPABILITIES = Isolation.CAPABILITIES.stream()
            .map(Capability::valueOf).toArray(Capability[]::new);
    /** The engine keeps at most this many log files of this size per container: 30 MB at worst. */
    static final String LOG_MAX_SIZE = "10m";
    static final int LOG_MAX_FILES = 3;
    static final LogConfig.LoggingType LOG_DRIVER = LogConfig.LoggingType.JSON_FILE;

    private AppContainerHardening() {
    }

    static HostConfig hostConfig(ContainerSpec spec) {
        ResourceLimits limits = spec.limits();
        HostConfig host = HostConfig.newHostConfig()
                .withCapDrop(Capability.ALL)
                .withCapAdd(KEPT_CAPABILITIES)
                .withSecurityOpts(List.of("no-new-privileges"))
                .withPidsLimit(limits.pids() == 0 ? PIDS_LIMIT : limits.pids())
                .withPrivileged(false)
                .withNetworkMode(spec.network() == null ? "bridge" : spec.network().network())
                // A shell-form CMD makes sh PID 1, which ignores SIGTERM: every stop would then wait
                // out the whole grace period. The engine's tiny init forwards the signal and reaps.
                .withInit(true)
                // Gantry's runner supervises restarts itself, with backoff and a record of why.
                .withRestartPolicy(RestartPolicy.noRestart())
                // json-file, not the engine's configured default: tail and followLogs read it back.
                .withLogConfig(new LogConfig(LOG_DRIVER,
                        Map.of("max-size", LOG_MAX_SIZE, "max-file", Integer.toString(LOG_MAX_FILES))));
        if (spec.readOnlyRoot()) {
            // Apps still need somewhere to write scratch files; tmpfs leaves nothing on the node's disk.
            host.withReadonlyRootfs(true)
                    .withTmpFs(Map.of("/tmp", "rw,nosuid,nodev,size=" + Isolation.TMP_SIZE));
        }
        if (limits.memoryBytes() > 0) {
            // Swap equal to memory means no swap: an app over its limit is OOM-killed, not slowed to a crawl.
            host.withMemory(limits.memoryBytes()).withMemorySwap(limits.memoryBytes());
        }
        if (limits.cpus() > 0) {
            host.withNanoCPUs(Math.round(limits.cpus() * 1e9));
        }
        return host;
    }
}
