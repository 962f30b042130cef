package dev.gantry.control.deploy;

import dev.gantry.control.GantryConfig;
import dev.gantry.control.InvalidInputException;
import dev.gantry.control.apps.AppService;
import dev.gantry.node.ContainerEngine;
import dev.gantry.node.ContainerSpec;
import dev.gantry.node.ContainerStartFailedException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
    private final ContainerEngine engine;
    private final AppEvents events;
    private final GantryConfig config;

    OneOffRunner(AppService apps, ReleaseLedger ledger, ContainerEngine engine, AppEvents events,
            GantryConfig config) {
        this.apps = apps;
        this.ledger = ledger;
        this.engine = engine;
        this.events = events;
        this.config = config;
    }

    /** Returns the command's exit code. */
    public int run(String app, List<String> command, String user, InputStream stdin, OutputStream stdout,
            OutputStream stderr, boolean tty) {
        apps.get(app);
        if (command.isEmpty()) {
            throw new InvalidInputException("no command given. Usage: run " + app + " -- COMMAND [ARGS...]");
        }
        RolloutTarget target = ledger.currentTarget(app).orElseThrow(() -> new InvalidInputException(
                app + " has no release to run yet. Push to deploy it first"));
        String instance = PROCESS_TYPE + "." + InstanceLauncher.suffix();
        String name = target.app() + "-run-" + target.label() + "-" + instance.substring(PROCESS_TYPE.length() + 1);
        Map<String, String> labels = new HashMap<>(InstanceLabels.of(app, target.version(), PROCESS_TYPE, 1, name));
        labels.put(InstanceLabels.ONE_OFF, "true");
        // Only the program is recorded: arguments may carry secrets.
        events.record(app, instance + " of " + target.label() + " started by " + user + ": " + command.get(0));
        try {
            int exitCode = engine.runOneOff(new ContainerSpec(name, target.image(), command,
                    InstanceLauncher.environment(target, PROCESS_TYPE, instance), labels, 0,
                    config.node().advertiseAddress(), RolloutTarget.DEFAULT_LIMITS), stdin, stdout, stderr, tty);
            events.record(app, instance + " exited with code " + exitCode);
            return exitCode;
        } catch (ContainerStartFailedException e) {
            throw new InvalidInputException(e.getMessage() + ". Check the command (run " + app
                    + " -- sh -c '...' runs it through a shell)");
        }
    }
}
