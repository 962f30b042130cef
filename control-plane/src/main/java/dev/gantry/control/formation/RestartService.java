package dev.gantry.control.formation;

import dev.gantry.common.LineSink;
import dev.gantry.control.InvalidInputException;
import dev.gantry.control.apps.AppLocks;
import dev.gantry.control.apps.AppService;
import dev.gantry.control.instances.AppInstance;
import dev.gantry.control.instances.InstanceInventory;
import dev.gantry.control.instances.InstanceLauncher;
import dev.gantry.control.instances.InstanceRetirer;
import dev.gantry.control.logs.AppEvents;
import dev.gantry.control.releases.ReleaseLedger;
import dev.gantry.control.releases.RolloutTarget;
import dev.gantry.control.routing.AppRoutes;
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
    private final InstanceLauncher launcher;
    private final AppRoutes routes;
    private final InstanceRetirer retirer;
    private final AppEvents events;

    RestartService(AppService apps, AppLocks locks, ReleaseLedger ledger, InstanceInventory inventory,
            InstanceLauncher launcher, AppRoutes routes, InstanceRetirer retirer, AppEvents events) {
        this.apps = apps;
        this.locks = locks;
        this.ledger = ledger;
        this.inventory = inventory;
        this.launcher = launcher;
        this.routes = routes;
        this.retirer = retirer;
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
                AppInstance fresh = launcher.startReady(target, old.type(), old.index());
                serving.set(serving.indexOf(old), fresh);
                routes.routeTo(app, serving);
                retirer.retire(List.of(old), target.policy());
            }
            return toRestart.size();
        }
    }
}
