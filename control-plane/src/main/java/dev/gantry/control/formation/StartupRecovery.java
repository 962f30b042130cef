package dev.gantry.control.formation;

import dev.gantry.common.LineSink;
import dev.gantry.control.apps.AppLocks;
import dev.gantry.control.apps.AppService;
import dev.gantry.control.domain.App;
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
 * What happens when the control plane starts, before anything else acts on an app: a stop or crash
 * can cut a build or rollout off at any step, with containers started and no one left to remove them.
 * Work the last process left open is recorded as failed (an interrupted rollout is rolled back, never
 * finished: its push already failed, and the release before still has its instances). Then, app by
 * app under its lock, routes come from the containers as observed now, never from a saved address:
 * running instances of the current release are adopted as they are (same container, not restarted)
 * and are all the node runner keeps of the app, which removes the rest (containers of other releases,
 * retirements cut short, exited ones); one-off runs whose caller went away with the last process are
 * removed; a reconcile pass starts missing slots. The {@link InstanceSupervisor} starts only after,
 * so nothing restarts an instance merely because Gantry restarted.
 */
@ApplicationScoped
public class StartupRecovery {

    private static final Logger LOG = Logger.getLogger(StartupRecovery.class);

    private final AppService apps;
    private final ReleaseLedger ledger;
    private final InstanceInventory inventory;
    private final NodeRunner nodes;
    private final OneOffRuns oneOffs;
    private final Cutover cutover;
    private final AppLocks locks;
    private final FormationReconciler reconciler;

    StartupRecovery(AppService apps, ReleaseLedger ledger, InstanceInventory inventory, NodeRunner nodes, OneOffRuns oneOffs,
            Cutover cutover, AppLocks locks, FormationReconciler reconciler) {
        this.apps = apps;
        this.ledger = ledger;
        this.inventory = inventory;
        this.nodes = nodes;
        this.oneOffs = oneOffs;
        this.cutover = cutover;
        this.locks = locks;
        this.reconciler = reconciler;
    }

    /**
     * Recovers every app. {@code bootedAt} is when this process started: work begun before it was the
     * last process's, and work begun since (the SSH server already listens) is left alone.
     */
    public void recover(Instant bootedAt) {
        int interrupted = ledger.failInterruptedWork(bootedAt);
        if (interrupted > 0) {
            LOG.warnf("%d build(s) or deployment(s) were cut off by the last stop; recorded them as failed", interrupted);
        }
        for (App app : apps.list()) {
            try {
                restore(app.name, bootedAt);
            } catch (RuntimeException e) {
                LOG.errorf("could not restore %s: %s", app.name, e.getMessage());
            }
        }
    }

    /**
     * Adopts, routes and cleans up one app. {@code bootedAt} is when this process started: a one-off
     * run from before it lost its caller with the last process, so nothing will ever read its output.
     */
    private void restore(String app, Instant bootedAt) {
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
