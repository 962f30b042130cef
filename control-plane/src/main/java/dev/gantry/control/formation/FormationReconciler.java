package dev.gantry.control.formation;

import dev.gantry.common.LineSink;
import dev.gantry.control.instances.AppInstance;
import dev.gantry.control.instances.InstanceInventory;
import dev.gantry.control.instances.InstanceLauncher;
import dev.gantry.control.instances.InstanceLogCollector;
import dev.gantry.control.instances.InstanceRetirer;
import dev.gantry.control.logs.AppEvents;
import dev.gantry.control.releases.ReleaseLedger;
import dev.gantry.control.releases.RolloutTarget;
import dev.gantry.control.routing.AppRoutes;
import dev.gantry.node.NodeRunner;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Makes what runs match what should run, in the manner of Nomad's reconcile loop: desired is the
 * current release at the app's formation; actual is the containers labelled for that release.
 * Exited instances are recorded as crashes and removed; missing slots are started (after their
 * backoff) and join the route only once ready; extra ones leave the route first, then drain and
 * stop. Last, the node runner is told the app's whole set: what this pass keeps and what is being
 * retired. It removes anything else labelled for the app, such as instances of a release whose
 * rollout was cut off. The caller holds the app's lock.
 */
@ApplicationScoped
public class FormationReconciler {

    private final ReleaseLedger ledger;
    private final InstanceInventory inventory;
    private final InstanceLauncher launcher;
    private final NodeRunner nodes;
    private final AppRoutes routes;
    private final InstanceRetirer retirer;
    private final CrashHistory crashes;
    private final AppEvents events;
    private final InstanceLogCollector logs;

    FormationReconciler(ReleaseLedger ledger, InstanceInventory inventory, InstanceLauncher launcher,
            NodeRunner nodes, AppRoutes routes, InstanceRetirer retirer, CrashHistory crashes, AppEvents events,
            InstanceLogCollector logs) {
        this.ledger = ledger;
        this.inventory = inventory;
        this.launcher = launcher;
        this.nodes = nodes;
        this.routes = routes;
        this.retirer = retirer;
        this.crashes = crashes;
        this.events = events;
        this.logs = logs;
    }

    /** One pass for one app; returns whether anything changed. */
    public boolean reconcile(String app, LineSink progress) {
        Optional<RolloutTarget> desired = ledger.desiredState(app);
        if (desired.isEmpty()) {
            return false;
        }
        // One look at the engine per pass: this runs for every app every couple of seconds.
        List<AppInstance> all = inventory.of(app);
        logs.collect(app, all);
        RolloutTarget target = desired.get();
        List<AppInstance> running = new ArrayList<>();
        boolean changed = false;
        for (AppInstance instance : inventory.serving(all, target.version())) {
            if (instance.running()) {
                running.add(instance);
                crashes.upSince(app, target.version(), instance.slot(), instance.container().startedAt());
            } else {
                removeCrashed(target, instance);
                changed = true;
            }
        }
        List<AppInstance> extra = extras(target, running);
        running.removeAll(extra);
        changed |= startMissing(target, running, progress);
        if (changed || !extra.isEmpty()) {
            routes.routeTo(app, running);
            logs.collect(app, inventory.of(app));
        }
        if (!extra.isEmpty()) {
            progress.line("-----> Stopping " + extra.stream().map(AppInstance::slot).collect(Collectors.joining(", "))
                    + " (web instances drain first)");
            retirer.retire(extra, target.policy());
        }
        List<String> orphans = nodes.keepOnly(app, accountedFor(all, running, extra), target.policy().stopGrace());
        if (!orphans.isEmpty()) {
            events.record(app, "removed " + String.join(", ", orphans) + ": no release wants them");
        }
        return changed || !extra.isEmpty() || !orphans.isEmpty();
    }

    /** What the app should have on its node now: the serving instances, and those draining or stopping. */
    private Set<String> accountedFor(List<AppInstance> observed, List<AppInstance> running, List<AppInstance> extra) {
        Set<String> names = new HashSet<>();
        running.forEach(instance -> names.add(instance.name()));
        extra.forEach(instance -> names.add(instance.name()));
        observed.stream().filter(inventory::isRetiring).forEach(instance -> names.add(instance.name()));
        return names;
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

    /** Slots the formation no longer wants, and duplicates of a slot (the older one goes). */
    private static List<AppInstance> extras(RolloutTarget target, List<AppInstance> running) {
        List<AppInstance> extra = new ArrayList<>();
        Map<String, List<AppInstance>> bySlot = running.stream().collect(Collectors.groupingBy(AppInstance::slot));
        for (List<AppInstance> sameSlot : bySlot.values()) {
            List<AppInstance> newestFirst = sameSlot.stream()
                    .sorted(Comparator.comparing((AppInstance i) -> i.container().startedAt(),
                            Comparator.nullsFirst(Comparator.naturalOrder())).reversed())
                    .toList();
            AppInstance kept = newestFirst.get(0);
            if (!target.processTypes().has(kept.type()) || kept.index() > target.quantity(kept.type())) {
                extra.addAll(newestFirst);
            } else {
                extra.addAll(newestFirst.subList(1, newestFirst.size()));
            }
        }
        return extra;
    }

    private boolean startMissing(RolloutTarget target, List<AppInstance> running, LineSink progress) {
        boolean started = false;
        for (String type : target.processTypes().longRunning().keySet()) {
            for (int index = 1; index <= target.quantity(type); index++) {
                String slot = type + "." + index;
                boolean present = running.stream().anyMatch(instance -> instance.slot().equals(slot));
                if (present || !crashes.mayStart(target.app(), target.version(), slot)) {
                    continue;
                }
                progress.line("-----> Starting " + slot + " of " + target.label());
                try {
                    AppInstance fresh = launcher.startReady(target, type, index);
                    running.add(fresh);
                    started = true;
                    if (fresh.routable()) {
                        // Serving as soon as it is healthy, not after the rest of the pass.
                        routes.routeTo(target.app(), running);
                    }
                } catch (RuntimeException e) {
                    Duration backoff = crashes.crashed(target.app(), target.version(), slot,
                            "did not become ready: " + e.getMessage());
                    String message = slot + " of " + target.label() + " did not become ready: " + e.getMessage()
                            + "; retrying in " + backoff.toSeconds() + " s";
                    events.record(target.app(), message);
                    progress.line(" !     " + message);
                }
            }
        }
        return started;
    }
}
