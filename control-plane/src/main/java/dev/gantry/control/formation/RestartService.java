package dev.gantry.control.formation;

import dev.gantry.common.LineSink;
import dev.gantry.control.DeployFailedException;
import dev.gantry.control.InvalidInputException;
import dev.gantry.control.apps.AppLocks;
import dev.gantry.control.apps.AppService;
import dev.gantry.control.cutover.Change;
import dev.gantry.control.cutover.Cutover;
import dev.gantry.control.cutover.CutoverFailedException;
import dev.gantry.control.instances.AppInstance;
import dev.gantry.control.instances.InstanceInventory;
import dev.gantry.control.logs.AppEvents;
import dev.gantry.control.releases.ReleaseLedger;
import dev.gantry.control.releases.RolloutTarget;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What happens on {@code ps:restart APP [TYPE]}: each instance in turn gets a fresh replacement in
 * its slot, which must be ready (web: healthy) before the route swaps to it; only then does the
 * old one drain and stop. One at a time, so capacity never drops and no request is refused.
 */
@ApplicationScoped
public class RestartService {

    private final AppService apps;
    private final AppLocks locks;
    private final ReleaseLedger ledger;
    private final InstanceInventory inventory;
    private final Cutover cutover;
    private final AppEvents events;

    RestartService(AppService apps, AppLocks locks, ReleaseLedger ledger, InstanceInventory inventory,
            Cutover cutover, AppEvents events) {
        this.apps = apps;
        this.locks = locks;
        this.ledger = ledger;
        this.inventory = inventory;
        this.cutover = cutover;
        this.events = events;
    }

    /** Returns how many instances were replaced. */
    public int restart(String app, Optional<String> type, String user, LineSink progress) {
        apps.get(app);
        try (AppLocks.Held lock = locks.acquire(app, progress)) {
            RolloutTarget target = ledger.desiredState(app).orElseThrow(() -> new InvalidInputException(
                    app + " has no release yet. Push to deploy it"));
            type.filter(name -> !target.processTypes().has(name)).ifPresent(unknown -> {
                throw new InvalidInputException(app + " has no process type '" + unknown + "' (its types: "
                        + target.processTypes() + ")");
            });
            List<AppInstance> serving = new ArrayList<>(inventory.serving(app, target.version()).stream()
                    .filter(AppInstance::running).toList());
            List<AppInstance> toRestart = serving.stream()
                    .filter(instance -> type.map(instance.type()::equals).orElse(true))
                    .toList();
            events.record(app, "restarting " + toRestart.size() + " instance(s) by " + user);
            for (AppInstance old : toRestart) {
                progress.line("-----> Restarting " + old.slot() + " (" + old.name() + ")");
                List<AppInstance> others = serving.stream().filter(instance -> instance != old).toList();
                AppInstance fresh;
                try {
                    fresh = cutover.perform(Change.replace(target, old, others), progress).get(0);
                } catch (CutoverFailedException e) {
                    throw new DeployFailedException(e.describe(target.label()) + ". " + old.name()
                            + " keeps serving; " + (e.nodeUnavailable() ? "restart again once the node answers"
                                    : "fix the app and restart again"));
                }
                serving.set(serving.indexOf(old), fresh);
            }
            return toRestart.size();
        }
    }
}
