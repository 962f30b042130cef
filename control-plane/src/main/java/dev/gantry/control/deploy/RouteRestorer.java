package dev.gantry.control.deploy;

import dev.gantry.git.LineSink;
import dev.gantry.node.ContainerEngine;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Brings the router back in line with what runs, after Gantry (and its in-process router) starts:
 * routes come from the containers as observed now, never from a saved address. Running instances
 * of the current release are adopted as they are; containers of other releases (left by a deploy
 * that was killed) and exited ones are removed; missing slots are started by the
 * {@link FormationReconciler}.
 */
@ApplicationScoped
public class RouteRestorer {

    private static final Logger LOG = Logger.getLogger(RouteRestorer.class);

    private final ReleaseLedger ledger;
    private final InstanceInventory inventory;
    private final ContainerEngine engine;
    private final AppRoutes routes;
    private final AppLocks locks;
    private final FormationReconciler reconciler;

    RouteRestorer(ReleaseLedger ledger, InstanceInventory inventory, ContainerEngine engine, AppRoutes routes,
            AppLocks locks, FormationReconciler reconciler) {
        this.ledger = ledger;
        this.inventory = inventory;
        this.engine = engine;
        this.routes = routes;
        this.locks = locks;
        this.reconciler = reconciler;
    }

    public void restore(String app) {
        LineSink log = line -> LOG.infof("%s: %s", app, line.strip());
        try (AppLocks.Held lock = locks.acquire(app, log)) {
            Optional<RolloutTarget> current = ledger.desiredState(app);
            if (current.isEmpty()) {
                return;
            }
            RolloutTarget target = current.get();
            List<AppInstance> instances = inventory.of(app);
            List<AppInstance> adopted = instances.stream()
                    .filter(instance -> instance.running() && instance.version() == target.version())
                    .toList();
            routes.routeTo(app, adopted);
            instances.stream()
                    .filter(instance -> !adopted.contains(instance))
                    .forEach(orphan -> {
                        LOG.infof("removing %s: it belongs to no current release of %s", orphan.name(), app);
                        engine.stopAndRemove(orphan.id(), target.policy().stopGrace());
                    });
            LOG.infof("%s: adopted %d running instance(s) of %s", app, adopted.size(), target.label());
            reconciler.reconcile(app, log);
        }
    }
}
