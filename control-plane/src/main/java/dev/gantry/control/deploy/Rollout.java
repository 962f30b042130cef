package dev.gantry.control.deploy;

import dev.gantry.common.LineSink;
import dev.gantry.control.DeployFailedException;
import dev.gantry.control.cutover.Change;
import dev.gantry.control.cutover.Cutover;
import dev.gantry.control.cutover.CutoverFailedException;
import dev.gantry.control.instances.AppInstance;
import dev.gantry.control.instances.InstanceInventory;
import dev.gantry.control.instances.InstanceLogCollector;
import dev.gantry.control.logs.AppEvents;
import dev.gantry.control.releases.ReleaseLedger;
import dev.gantry.control.releases.RolloutTarget;
import dev.gantry.control.routing.AppRoutes;
import dev.gantry.node.EngineUnavailableException;
import dev.gantry.node.ImagePullFailedException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Moves an app to a release: run the predeploy script and release command of a new build, then one
 * {@link Cutover} from everything that ran before to every instance of the new release's formation,
 * recording the deployment's states on the way (STARTING, SWITCHING once all are ready, SUCCEEDED
 * once the route serves them, before anything old is retired), then its postdeploy script. All or
 * nothing across process types: if anything fails before the switch, the old release keeps
 * serving, web and workers alike.
 */
@ApplicationScoped
public class Rollout {

    private final ReleaseLedger ledger;
    private final InstanceInventory inventory;
    private final Cutover cutover;
    private final AppRoutes routes;
    private final InstanceLogCollector logs;
    private final AppEvents events;
    private final ReleasePhase releasePhase;

    Rollout(ReleaseLedger ledger, InstanceInventory inventory, Cutover cutover, AppRoutes routes,
            InstanceLogCollector logs, AppEvents events, ReleasePhase releasePhase) {
        this.ledger = ledger;
        this.inventory = inventory;
        this.cutover = cutover;
        this.routes = routes;
        this.logs = logs;
        this.events = events;
        this.releasePhase = releasePhase;
    }

    /** A release with no deploy scripts: a config change, a rollback. */
    public RolloutTarget rollOut(long releaseId, LineSink progress) {
        return rollOut(releaseId, DeployScripts.NONE, progress);
    }

    public RolloutTarget rollOut(long releaseId, DeployScripts scripts, LineSink progress) {
        RolloutTarget target = ledger.startDeployment(releaseId);
        progress.line("-----> Releasing " + target.label() + " with " + describe(target));
        List<AppInstance> previous = previousInstances(target);
        runBeforeSwitch(target, scripts, progress);
        try {
            cutover.perform(Change.rollout(target, previous, new Change.Milestones() {
                @Override
                public void ready(List<AppInstance> fresh) {
                    logs.collect(target.app(), Stream.concat(previous.stream(), fresh.stream()).toList());
                    ledger.deploymentSwitching(target.deploymentId());
                }

                @Override
                public void switched(List<AppInstance> fresh) {
                    progress.line("-----> Routed " + String.join(", ", routes.hostnames(target.app())) + " to "
                            + target.label() + (fresh.stream().anyMatch(AppInstance::routable) ? ""
                                    : " (no web instance: the router answers 503)"));
                    ledger.deploymentSucceeded(target.deploymentId());
                    events.record(target.app(), target.label() + " serves (" + target.summary() + ", by "
                            + target.createdBy() + ") with " + describe(target));
                }
            }), progress);
        } catch (CutoverFailedException e) {
            throw failedToStart(target, e);
        }
        releasePhase.afterSwitch(target, scripts, progress).ifPresent(failure -> {
            progress.line(" !     " + failure);
            events.record(target.app(), failure);
        });
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

    /** What ran is recorded, so that a rollback past it says what it cannot undo. */
    private void runBeforeSwitch(RolloutTarget target, DeployScripts scripts, LineSink progress) {
        try {
            List<String> ran = releasePhase.beforeSwitch(target, scripts, progress);
            if (!ran.isEmpty()) {
                ledger.releaseCommandRan(target.deploymentId(), String.join("' and '", ran));
            }
        } catch (RuntimeException e) {
            failed(target, e.getMessage());
            throw e instanceof DeployFailedException ? e : new DeployFailedException("the commands that run"
                    + " before " + target.label() + " starts could not run: " + e.getMessage() + ". The previous release keeps serving");
        }
    }

    private DeployFailedException failedToStart(RolloutTarget target, CutoverFailedException e) {
        String reason = e.describe(target.label());
        failed(target, reason);
        // Kept with the deployment: releases:info and the console show it after the push has scrolled away.
        ledger.lastOutputOfFailure(target.deploymentId(), e.lastOutput());
        return new DeployFailedException(reason + ". No process type switched: the previous release keeps serving; "
                + (e.nodeUnavailable() ? "push again once the node answers"
                        : e.imageNotPulled().map(ImagePullFailedException::fix).orElse("fix the app and push again")));
    }

    private void failed(RolloutTarget target, String reason) {
        ledger.deploymentFailed(target.deploymentId(), reason);
        events.record(target.app(), target.label() + " failed (" + target.summary() + ", by " + target.createdBy()
                + "): " + reason);
    }

    static String describe(RolloutTarget target) {
        String formation = target.processTypes().longRunning().keySet().stream()
                .map(type -> type + "=" + target.quantity(type))
                .collect(Collectors.joining(" "));
        return formation.isEmpty() ? "no process types" : formation;
    }
}
