package dev.gantry.control.oneoff;

import dev.gantry.control.InvalidInputException;
import dev.gantry.control.apps.AppService;
import dev.gantry.control.instances.InstanceLauncher;
import dev.gantry.control.logs.AppEvents;
import dev.gantry.control.releases.ReleaseLedger;
import dev.gantry.control.releases.RolloutTarget;
import dev.gantry.node.ContainerSpec;
import dev.gantry.node.ContainerStartFailedException;
import dev.gantry.node.OneOffRuns;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/**
 * What happens on {@code run APP -- CMD ARGS}: a one-off container of the current release, with
 * its config, attached to the caller's streams, removed when it exits or the caller goes away. It
 * is not part of the formation: it gets no route and no supervision, and no lock, since it
 * changes nothing Gantry holds.
 */
@ApplicationScoped
public class OneOffRunner {

    static final String PROCESS_TYPE = "run";

    private final AppService apps;
    private final ReleaseLedger ledger;
    private final OneOffRuns oneOffs;
    private final AppEvents events;
    private final InstanceLauncher launcher;

    OneOffRunner(AppService apps, ReleaseLedger ledger, OneOffRuns oneOffs, AppEvents events,
            InstanceLauncher launcher) {
        this.apps = apps;
        this.ledger = ledger;
        this.oneOffs = oneOffs;
        this.events = events;
        this.launcher = launcher;
    }

    /** Returns the command's exit code. */
    public int run(String app, List<String> command, String user, InputStream stdin, OutputStream stdout,
            OutputStream stderr, boolean tty) {
        return run(app, PROCESS_TYPE, command, "started by " + user, stdin, stdout, stderr, tty);
    }

    /**
     * A one-off of another kind than {@code run} (a cron job: {@code type} cron), which names its
     * containers and instances ({@code cron.3f9a2c}); {@code why} tells the app's events who started it.
     */
    public int run(String app, String type, List<String> command, String why, InputStream stdin,
            OutputStream stdout, OutputStream stderr, boolean tty) {
        apps.get(app);
        if (command.isEmpty()) {
            throw new InvalidInputException("no command given. Usage: run " + app + " -- COMMAND [ARGS...]");
        }
        RolloutTarget target = ledger.currentTarget(app).orElseThrow(() -> new InvalidInputException(
                app + " has no release to run yet. Push to deploy it first"));
        ContainerSpec spec = launcher.oneOff(target, type, command);
        String instance = spec.env().get("GANTRY_INSTANCE");
        // Only the program is recorded: arguments may carry secrets.
        events.record(app, instance + " of " + target.label() + " " + why + ": " + command.get(0));
        try {
            int exitCode = oneOffs.run(spec, stdin, stdout, stderr, tty);
            events.record(app, instance + " exited with code " + exitCode);
            return exitCode;
        } catch (ContainerStartFailedException e) {
            throw new InvalidInputException(e.getMessage() + ". Check the command (run " + app
                    + " -- sh -c '...' runs it through a shell)");
        }
    }
}
