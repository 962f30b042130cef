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
import java.util.function.Predicate;

/**
 * What happens on {@code ps:restart APP [TYPE]}: each instance in turn gets a fresh replacement in
 * its slot, which must be ready (web: healthy) before the route swaps to it; only then does the
 * old one drain and stop. One at a time, so capacity never drops and no request is refused. Moving
 * instances to other hosts ({@code nodes:drain}, {@code ps:place}) is the same story.
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
            return replaceEach(target, instance -> type.map(instance.type()::equals).orElse(true), "Restarting",
                    "restarting %d instance(s) by " + user, progress);
        }
    }

    /**
     * Replaces the app's serving instances that {@code which} selects the same way, one at a time: where
     * the replacements land is the node runner's choice (a host being drained takes none, a placement
     * is honoured), so this moves instances between hosts with no request refused. {@code why} is
     * recorded in the app's events, with the count for its {@code %d}. Returns how many were replaced;
     * an app without a release has none.
     */
    public int move(String app, Predicate<AppInstance> which, String why, LineSink progress) {
        try (AppLocks.Held lock = locks.acquire(app, progress)) {
            Optional<RolloutTarget> target = ledger.desiredState(app);
            return target.isEmpty() ? 0 : replaceEach(target.get(), which, "Moving", why, progress);
        }
    }

    private int replaceEach(RolloutTarget target, Predicate<AppInstance> which, String verb, String why,
            LineSink progress) {
        List<AppInstance> serving = new ArrayList<>(inventory.serving(target.app(), target.version()).stream()
                .filter(AppInstance::running).toList());
        List<AppInstance> chosen = serving.stream().filter(which).toList();
        if (chosen.isEmpty()) {
            return 0;
        }
        events.record(target.app(), why.formatted(chosen.size()));
        for (AppInstance old : chosen) {
            progress.line("-----> " + verb + " " + target.app() + " " + old.slot() + " (" + old.name() + ")");
            List<AppInstance> others = serving.stream().filter(instance -> instance != old).toList();
            AppInstance fresh;
            try {
                fresh = cutover.perform(Change.replace(target, old, others), progress).get(0);
            } catch (CutoverFailedException e) {
                throw new DeployFailedException(e.describe(target.label()) + ". " + old.name()
                        + " keeps serving; " + (e.nodeUnavailable() ? "try again once the node answers"
                                : "fix the app and try again"));
            }
            serving.set(serving.indexOf(old), fresh);
        }
        return chosen.size();
    }
}
