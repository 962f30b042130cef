package dev.gantry.control.formation;

import dev.gantry.common.LineSink;
import dev.gantry.control.apps.AppLocks;
import dev.gantry.control.cutover.Change;
import dev.gantry.control.cutover.Cutover;
import dev.gantry.control.instances.AppInstance;
import dev.gantry.control.instances.InstanceInventory;
import dev.gantry.control.releases.ReleaseLedger;
import dev.gantry.control.releases.RolloutTarget;
import dev.gantry.node.NodeRunner;
import dev.gantry.node.OneOffRuns;
import dev.gantry.node.RunningContainer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Brings the router back in line with what runs, after Gantry (and its in-process router) starts:
 * routes come from the containers as observed now, never from a saved address. Running instances
 * of the current release are adopted as they are (same container, not restarted) and are all the
 * node runner keeps of the app: it removes the rest (containers of other releases left by a rollout
 * that was killed or by retirements cut short, exited ones); one-off runs whose caller went away with
 * the last process are removed too; missing slots are started by the {@link FormationReconciler}. Gantry runs it for every app before the
 * {@link InstanceSupervisor} starts, so nothing restarts an instance merely because Gantry restarted.
 */
@ApplicationScoped
public class RouteRestorer {

    private static final Logger LOG = Logger.getLogger(RouteRestorer.class);

    private final ReleaseLedger ledger;
    private final InstanceInventory inventory;
    private final NodeRunner nodes;
    private final OneOffRuns oneOffs;
    private final Cutover cutover;
    private final AppLocks locks;
    private final FormationReconciler reconciler;

    RouteRestorer(ReleaseLedger ledger, InstanceInventory inventory, NodeRunner nodes, OneOffRuns oneOffs,
            Cutover cutover, AppLocks locks, FormationReconciler reconciler) {
        this.ledger = ledger;
        this.inventory = inventory;
        this.nodes = nodes;
        this.oneOffs = oneOffs;
        this.cutover = cutover;
        this.locks = locks;
        this.reconciler = reconciler;
    }

    /**
     * Adopts, routes and cleans up one app. {@code bootedAt} is when this process started: a one-off
     * run from before it lost its caller with the last process, so nothing will ever read its output.
     */
    public void restore(String app, Instant bootedAt) {
        LineSink log = line -> LOG.infof("%s: %s", app, line.strip());
        try (AppLocks.Held lock = locks.acquire(app, log)) {
            Optional<RolloutTarget> current = ledger.desiredState(app);
            List<AppInstance> instances = inventory.of(app);
            List<AppInstance> adopted = current.map(target -> instances.stream()
                    .filter(instance -> instance.running() && instance.version() == target.version())
                    .toList()).orElse(List.of());
            current.ifPresent(target -> cutover.perform(Change.route(target, adopted), log));
            // An app whose first rollout was cut off never served: its containers need no grace.
            Duration grace = current.map(target -> target.policy().stopGrace()).orElse(Duration.ZERO);
            List<String> removed = nodes.keepOnly(app,
                    adopted.stream().map(AppInstance::name).collect(Collectors.toSet()), grace);
            if (!removed.isEmpty()) {
                LOG.infof("%s: removed %s: they belong to no current release", app, String.join(", ", removed));
            }
            inventory.oneOffs(app).stream()
                    .filter(run -> run.startedAt() == null || run.startedAt().isBefore(bootedAt))
                    .forEach(run -> removeOneOff(app, run));
            if (current.isPresent()) {
                LOG.infof("%s: adopted %d running instance(s) of %s", app, adopted.size(), current.get().label());
                reconciler.reconcile(app, log);
            }
        }
    }

    private void removeOneOff(String app, RunningContainer run) {
        LOG.infof("%s: removing %s: its run ended with the last control plane", app, run.name());
        oneOffs.remove(run.id(), Duration.ZERO);
    }
}
