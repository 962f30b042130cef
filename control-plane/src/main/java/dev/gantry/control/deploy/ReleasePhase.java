package dev.gantry.control.deploy;

import dev.gantry.build.ProcessTypes;
import dev.gantry.common.LineSink;
import dev.gantry.control.DeployFailedException;
import dev.gantry.control.instances.InstanceLauncher;
import dev.gantry.control.logs.LineOutput;
import dev.gantry.control.releases.ReleaseLedger;
import dev.gantry.control.releases.RolloutTarget;
import dev.gantry.node.OneOffRuns;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs the commands that belong to a new build, each in a one-off container of the new release
 * with its config: before any instance starts, app.json's {@code scripts.dokku.predeploy} and then
 * the Procfile's {@code release} command (database migrations and the like); once the release
 * serves, {@code scripts.dokku.postdeploy}. A config change or a rollback reuses a build that has
 * had them, so none runs again. A failure before the switch stops the rollout: the running release
 * keeps serving.
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

    /** Returns the commands that ran, in order; throws with the reason if one failed. */
    public List<String> beforeSwitch(RolloutTarget target, DeployScripts scripts, LineSink progress) {
        List<String> ran = new ArrayList<>();
        if (!ledger.isFirstReleaseOfItsBuild(target.releaseId())) {
            return ran;
        }
        scripts.predeploy().ifPresent(command -> ran.add(runOrFail(target, "predeploy script", command, progress)));
        target.processTypes().releaseCommand()
                .ifPresent(command -> ran.add(runOrFail(target, "release command", command, progress)));
        return ran;
    }

    /**
     * Runs the postdeploy script of a release that serves now. Its failure cannot undo the switch,
     * so it is returned, for the push to report, rather than thrown.
     */
    public Optional<String> afterSwitch(RolloutTarget target, DeployScripts scripts, LineSink progress) {
        if (scripts.postdeploy().isEmpty()) {
            return Optional.empty();
        }
        int exitCode = run(target, "postdeploy script", scripts.postdeploy().get(), progress);
        return exitCode == 0 ? Optional.empty() : Optional.of(target.label() + " serves, but its postdeploy script"
                + " failed (exit code " + exitCode + "; its output is above). Fix it and push again");
    }

    private String runOrFail(RolloutTarget target, String what, String command, LineSink progress) {
        int exitCode = run(target, what, command, progress);
        if (exitCode != 0) {
            throw new DeployFailedException("the " + what + " of " + target.label() + " failed (exit code "
                    + exitCode + "; its output is above). Nothing was switched: the previous release keeps serving;"
                    + " fix it and push again");
        }
        return command;
    }

    private int run(RolloutTarget target, String what, String command, LineSink progress) {
        progress.line("-----> Running the " + what + " of " + target.label() + ": " + command);
        try (LineOutput output = new LineOutput(line -> progress.line("       " + line))) {
            return oneOffs.run(launcher.oneOff(target, ProcessTypes.RELEASE, List.of("/bin/sh", "-c", command)),
                    null, output, output, false);
        }
    }
}
