package dev.gantry.control.deploy;

import dev.gantry.build.ProcessTypes;
import dev.gantry.common.LineSink;
import dev.gantry.control.DeployFailedException;
import dev.gantry.control.instances.InstanceLauncher;
import dev.gantry.control.releases.ReleaseLedger;
import dev.gantry.control.releases.RolloutTarget;
import dev.gantry.node.OneOffRuns;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/**
 * Runs the Procfile's {@code release} command (database migrations and the like) once per new
 * build, in a one-off container of the new release with its config, before any instance starts.
 * A config change or a rollback reuses a build that has had its release command, so it does not
 * run again. Its failure stops the rollout: the running release keeps serving.
 */
@ApplicationScoped
public class ReleasePhase {

    private final ReleaseLedger ledger;
    private final OneOffRuns oneOffs;
    private final InstanceLauncher launcher;

    ReleasePhase(ReleaseLedger ledger, OneOffRuns oneOffs, InstanceLauncher launcher) {
        this.ledger = ledger;
        this.oneOffs = oneOffs;
        this.launcher = launcher;
    }

    /** Returns the command that ran, if one did; throws with the reason if it failed. */
    public Optional<String> run(RolloutTarget target, LineSink progress) {
        Optional<String> command = target.processTypes().releaseCommand();
        if (command.isEmpty() || !ledger.isFirstReleaseOfItsBuild(target.releaseId())) {
            return Optional.empty();
        }
        progress.line("-----> Running the release command of " + target.label() + ": " + command.get());
        int exitCode;
        try (ProgressOutput output = new ProgressOutput(progress)) {
            exitCode = oneOffs.run(launcher.oneOff(target, ProcessTypes.RELEASE,
                    List.of("/bin/sh", "-c", command.get())), null, output, output, false);
        }
        if (exitCode != 0) {
            throw new DeployFailedException("the release command of " + target.label() + " failed (exit code "
                    + exitCode + "; its output is above). Nothing was switched: the previous release keeps serving;"
                    + " fix it and push again");
        }
        return command;
    }
}
