package dev.gantry.node.docker;

import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.RestartPolicy;

import java.util.List;

/**
 * What every app container gets beyond Docker's defaults (reliability.md §1): only the
 * capabilities a typical app server needs to drop root and bind low ports, no privilege gain
 * through setuid binaries, and a pids limit so a fork bomb stays inside its container.
 */
final class AppContainerHardening {

    static final long PIDS_LIMIT = 512;
    static final Capability[] KEPT_CAPABILITIES = {
            Capability.CHOWN, Capability.DAC_OVERRIDE, Capability.FOWNER,
            Capability.SETGID, Capability.SETUID, Capability.NET_BIND_SERVICE};

    private AppContainerHardening() {
    }

    static HostConfig hostConfig() {
        return HostConfig.newHostConfig()
                .withCapDrop(Capability.ALL)
                .withCapAdd(KEPT_CAPABILITIES)
                .withSecurityOpts(List.of("no-new-privileges"))
                .withPidsLimit(PIDS_LIMIT)
                .withPrivileged(false)
                .withNetworkMode("bridge")
                // A shell-form CMD makes sh PID 1, which ignores SIGTERM: every stop would then wait
                // out the whole grace period. The engine's tiny init forwards the signal and reaps.
                .withInit(true)
                // Gantry's runner supervises restarts itself, with backoff and a record of why.
                .withRestartPolicy(RestartPolicy.noRestart());
    }
}
