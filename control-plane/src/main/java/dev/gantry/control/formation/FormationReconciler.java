package dev.gantry.control.formation;

import dev.gantry.common.LineSink;
import dev.gantry.control.cutover.Change;
import dev.gantry.control.cutover.Cutover;
import dev.gantry.control.cutover.CutoverFailedException;
import dev.gantry.control.cutover.Slot;
import dev.gantry.control.deploy.ReleaseWatch;
import dev.gantry.control.instances.AppInstance;
import dev.gantry.control.instances.InstanceInventory;
import dev.gantry.control.instances.InstanceLogCollector;
import dev.gantry.control.logs.AppEvents;
import dev.gantry.control.releases.ReleaseLedger;
import dev.gantry.control.releases.RolloutTarget;
import dev.gantry.node.NodeRunner;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Makes what runs match what should run: one look at the node, a {@link FormationPlan} from the
 * {@link FormationPlanner}, then the plan applied. Crashes are recorded and the crashed instances
 * removed; missing slots are filled one at a time through the {@link Cutover}, each joining the route
 * once ready; instances no slot wants leave the route, drain and stop. Last, the node runner is told
 * the app's whole set, and removes anything else labelled for the app (an instance of a rollout that
 * was cut off, say). The caller holds the app's lock.
 */
@ApplicationScoped
public class FormationReconciler {

    private final ReleaseLedger ledger;
    private final InstanceInventory inventory;
    private final NodeRunner nodes;
    private final Cutover cutover;
    private final CrashHistory crashes;
    private final ReleaseWatch watch;
    private final AppEvents events;
    private final InstanceLogCollector logs;

    FormationReconciler(ReleaseLedger ledger, InstanceInventory inventory, NodeRunner nodes, Cutover cutover,
            CrashHistory crashes, ReleaseWatch watch, AppEvents events, InstanceLogCollector logs) {
        this.ledger = ledger;
        this.inventory = inventory;
        this.nodes = nodes;
        this.cutover = cutover;
        this.crashes = crashes;
        this.watch = watch;
        this.events = events;
        this.logs = logs;
    }

    /** One pass for one app; returns whether anything changed. */
    public boolean reconcile(String app, LineSink progress) {
        Optional<RolloutTarget> desired = ledger.desiredState(app);
        if (desired.isEmpty()) {
            return false;
        }
        RolloutTarget target = desired.get();
        // One look at the node per pass: this runs for every app every couple of seconds.
        List<AppInstance> observed = inventory.of(app);
        logs.collect(app, observed);
        FormationPlan plan = FormationPlanner.plan(observe(target, observed));
        plan.stable().forEach(slot -> crashes.forget(app, target.version(), slot));
        plan.crashed().forEach(instance -> removeCrashed(target, instance));
        plan.lost().forEach(instance -> events.record(app, instance.slot() + " (" + instance.name()
                + ") is lost with its host " + instance.container().node() + "; starting a replacement"));
        if (!plan.lost().isEmpty()) {
            // A lost host answers nothing, not even a refusal: leave it out of the route now, not once the
            // replacements are ready, so requests stop waiting on it at once.
            cutover.perform(Change.route(target, plan.serving()), progress);
        }
        List<AppInstance> serving = new ArrayList<>(plan.serving());
        Set<String> keep = new HashSet<>(plan.keep());
        for (Slot slot : plan.toStart()) {
            fill(target, slot, serving, progress).ifPresent(fresh -> {
                serving.add(fresh);
                keep.add(fresh.name());
            });
        }
        boolean started = serving.size() > plan.serving().size();
        if (!plan.toRetire().isEmpty() || (plan.narrowsRoute() && !started)) {
            cutover.perform(Change.retire(target, plan.toRetire(), serving), progress);
        }
        if (started || plan.narrowsRoute()) {
            logs.collect(app, inventory.of(app));
        }
        List<String> orphans = nodes.keepOnly(app, keep, target.policy().stopGrace());
        if (!orphans.isEmpty()) {
            events.record(app, "removed " + String.join(", ", orphans) + ": no release wants them");
        }
        return started || plan.narrowsRoute() || !orphans.isEmpty();
    }

    private FormationPlanner.Observation observe(RolloutTarget target, List<AppInstance> observed) {
        Map<String, Integer> wanted = new LinkedHashMap<>();
        target.processTypes().longRunning().keySet().forEach(type -> wanted.put(type, target.quantity(type)));
        Set<String> retiring = observed.stream().filter(inventory::isRetiring).map(AppInstance::name)
                .collect(Collectors.toSet());
        // The node runner says when an instance's host stopped answering the cluster's manager.
        Set<String> lost = observed.stream().filter(instance -> instance.container().nodeDown()).map(AppInstance::name)
                .collect(Collectors.toSet());
        return new FormationPlanner.Observation(target.version(), wanted, observed, retiring, lost,
                crashes.ofRelease(target.app(), target.version()), watch.mayRollBack(target.app()), Instant.now());
    }

    private void removeCrashed(RolloutTarget target, AppInstance instance) {
        String reason = instance.container().oomKilled()
                ? "was killed for running out of memory"
                : "exited with code " + instance.container().exitCode();
        Duration backoff = crashes.crashed(target.app(), target.version(), instance.slot(), reason);
        events.record(target.app(), instance.slot() + " (" + instance.name() + ") " + reason + "; restarting in "
                + backoff.toSeconds() + " s");
        nodes.remove(instance.id(), Duration.ZERO);
    }

    /** Starts the slot and routes to it once ready; a failure counts as a crash of the slot. */
    private Optional<AppInstance> fill(RolloutTarget target, Slot slot, List<AppInstance> serving, LineSink progress) {
        try {
            return Optional.of(cutover.perform(Change.fill(target, slot, serving), progress).get(0));
        } catch (CutoverFailedException e) {
            Duration backoff = crashes.crashed(target.app(), target.version(), slot.name(),
                    "did not become ready: " + e.getMessage());
            String message = slot + " of " + target.label() + " did not become ready: " + e.getMessage()
                    + "; retrying in " + backoff.toSeconds() + " s";
            events.record(target.app(), message);
            progress.line(" !     " + message);
            return Optional.empty();
        }
    }
}
