package dev.gantry.control.deploy;

import dev.gantry.build.ProcessTypes;
import dev.gantry.common.LineSink;
import dev.gantry.control.DeployFailedException;
import dev.gantry.control.instances.AppInstance;
import dev.gantry.control.instances.InstanceInventory;
import dev.gantry.control.instances.InstanceLauncher;
import dev.gantry.control.instances.InstanceLogCollector;
import dev.gantry.control.instances.InstanceOutput;
import dev.gantry.control.instances.InstanceRetirer;
import dev.gantry.control.logs.AppEvents;
import dev.gantry.control.releases.ReleaseLedger;
import dev.gantry.control.releases.RolloutTarget;
import dev.gantry.control.routing.AppRoutes;
import dev.gantry.node.EngineUnavailableException;
import dev.gantry.node.NodeRunner;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Moves an app to a release in kamal-proxy's order: run the release command of a new build, start
 * every instance of the new release's formation, wait until each is ready (web healthy, other
 * types still up), switch the route atomically, then hand the old instances to the
 * {@link InstanceRetirer} (drain, then stop). It is all or nothing across process types: if
 * anything fails before the switch, every new instance is removed and the old release keeps
 * serving, web and workers alike.
 */
@ApplicationScoped
public class Rollout {

    private static final Logger LOG = Logger.getLogger(Rollout.class);
    private final ReleaseLedger ledger;
    private final InstanceLauncher launcher;
    private final InstanceInventory inventory;
    private final NodeRunner nodes;
    private final AppRoutes routes;
    private final InstanceRetirer retirer;
    private final InstanceOutput output;
    private final InstanceLogCollector logs;
    private final AppEvents events;
    private final ReleasePhase releasePhase;

    Rollout(ReleaseLedger ledger, InstanceLauncher launcher, InstanceInventory inventory, NodeRunner nodes,
            AppRoutes routes, InstanceRetirer retirer, InstanceOutput output, InstanceLogCollector logs,
            AppEvents events, ReleasePhase releasePhase) {
        this.ledger = ledger;
        this.launcher = launcher;
        this.inventory = inventory;
        this.nodes = nodes;
        this.routes = routes;
        this.retirer = retirer;
        this.output = output;
        this.logs = logs;
        this.events = events;
        this.releasePhase = releasePhase;
    }

    public RolloutTarget rollOut(long releaseId, LineSink progress) {
        RolloutTarget target = ledger.startDeployment(releaseId);
        progress.line("-----> Releasing " + target.label() + " with " + describe(target));
        List<AppInstance> previous = previousInstances(target);

        runReleaseCommand(target, progress);
        List<AppInstance> fresh = startAllReady(target, progress);
        logs.collect(target.app(), Stream.concat(previous.stream(), fresh.stream()).toList());

        ledger.deploymentSwitching(target.deploymentId());
        routes.routeTo(target.app(), fresh);
        progress.line("-----> Routed " + String.join(", ", routes.hostnames(target.app())) + " to " + target.label()
                + (fresh.stream().anyMatch(AppInstance::routable) ? "" : " (no web instance: the router answers 503)"));

        ledger.deploymentSucceeded(target.deploymentId());
        events.record(target.app(), target.label() + " serves (" + target.summary() + ", by " + target.createdBy()
                + ") with " + describe(target));
        if (!previous.isEmpty()) {
            progress.line("-----> Draining " + previous.size() + " old instance(s), then stopping them (in the background)");
            retirer.retire(previous, target.policy());
        }
        return target;
    }

    /** What serves now, to retire after the switch; a node that cannot say fails the rollout before it starts anything. */
    private List<AppInstance> previousInstances(RolloutTarget target) {
        try {
            return inventory.of(target.app());
        } catch (EngineUnavailableException e) {
            String reason = "the node could not say what runs now: " + e.getMessage();
            failed(target, reason);
            throw new DeployFailedException(reason + ". Nothing was started: the previous release keeps serving;"
                    + " push again once the node answers");
        }
    }

    private void runReleaseCommand(RolloutTarget target, LineSink progress) {
        try {
            releasePhase.run(target, progress)
                    .ifPresent(command -> ledger.releaseCommandRan(target.deploymentId(), command));
        } catch (RuntimeException e) {
            failed(target, e.getMessage());
            throw e instanceof DeployFailedException ? e : new DeployFailedException("the release command of "
                    + target.label() + " could not run: " + e.getMessage() + ". The previous release keeps serving");
        }
    }

    private void failed(RolloutTarget target, String reason) {
        ledger.deploymentFailed(target.deploymentId(), reason);
        events.record(target.app(), target.label() + " failed (" + target.summary() + ", by " + target.createdBy()
                + "): " + reason);
    }

    private List<AppInstance> startAllReady(RolloutTarget target, LineSink progress) {
        List<AppInstance> fresh = new ArrayList<>();
        String slot = "";
        AppInstance awaited = null;
        try {
            for (String type : target.processTypes().longRunning().keySet()) {
                for (int index = 1; index <= target.quantity(type); index++) {
                    slot = type + "." + index;
                    progress.line("-----> Starting " + slot + " of " + target.label());
                    fresh.add(launcher.start(target, type, index));
                }
            }
            for (AppInstance instance : fresh) {
                slot = instance.slot();
                awaited = instance;
                progress.line("-----> Waiting for " + instance.name() + describeWait(instance, target));
                launcher.awaitReady(instance, target.checks());
            }
            return fresh;
        } catch (EngineUnavailableException e) {
            // Not the app's fault: the node could not be asked to start or watch the instance.
            removeAll(fresh, target);
            String reason = slot + " of " + target.label() + " could not be started: " + e.getMessage();
            failed(target, reason);
            throw new DeployFailedException(reason + ". No process type switched: the previous release keeps serving;"
                    + " push again once the node answers");
        } catch (RuntimeException e) {
            String reason = slot + " of " + target.label() + (slot.startsWith(ProcessTypes.WEB + ".")
                    ? " did not become healthy: " : " did not keep running: ") + e.getMessage();
            if (awaited != null) {
                output.relayLast(awaited, progress);
            }
            removeAll(fresh, target);
            failed(target, reason);
            throw new DeployFailedException(reason + ". No process type switched: the previous release keeps serving;"
                    + " fix the app and push again");
        }
    }

    /**
     * A node runner that cannot be reached now removes them by itself later: the app's next
     * reconcile pass tells it they are not wanted.
     */
    private void removeAll(List<AppInstance> fresh, RolloutTarget target) {
        for (AppInstance instance : fresh) {
            try {
                nodes.remove(instance.id(), target.policy().stopGrace());
            } catch (EngineUnavailableException e) {
                LOG.warnf("%s: %s is left to the node runner to remove: %s", target.app(), instance.name(), e.getMessage());
            }
        }
    }

    private static String describeWait(AppInstance instance, RolloutTarget target) {
        return instance.isWeb()
                ? " on " + instance.container().hostAddress() + ":" + instance.container().hostPort() + ": "
                        + target.checks().describe()
                : ": it must still run " + InstanceLauncher.WORKER_SETTLE.toSeconds() + " s after its start";
    }

    static String describe(RolloutTarget target) {
        String formation = target.processTypes().longRunning().keySet().stream()
                .map(type -> type + "=" + target.quantity(type))
                .collect(Collectors.joining(" "));
        return formation.isEmpty() ? "no process types" : formation;
    }
}
