package dev.gantry.control.deploy;

import dev.gantry.git.LineSink;
import dev.gantry.node.ContainerEngine;
import dev.gantry.node.RunningContainer;
import dev.gantry.router.Backend;
import dev.gantry.router.RouteControl;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Moves an app to a release in kamal-proxy's order: start the new instance, wait until it is
 * healthy, switch the route atomically, then hand the old instances to the {@link InstanceRetirer}
 * (drain, then stop). Anything that fails before the switch removes the new instance and leaves
 * the old release serving.
 */
@ApplicationScoped
public class Rollout {

    private static final int LOG_LINES_ON_FAILURE = 20;

    private final ReleaseLedger ledger;
    private final InstanceLauncher launcher;
    private final ContainerEngine engine;
    private final RouteControl router;
    private final AppRoutes routes;
    private final InstanceRetirer retirer;

    Rollout(ReleaseLedger ledger, InstanceLauncher launcher, ContainerEngine engine, RouteControl router, AppRoutes routes,
            InstanceRetirer retirer) {
        this.ledger = ledger;
        this.launcher = launcher;
        this.engine = engine;
        this.router = router;
        this.routes = routes;
        this.retirer = retirer;
    }

    public RolloutTarget rollOut(long releaseId, LineSink progress) {
        RolloutTarget target = ledger.startDeployment(releaseId);
        progress.line("-----> Releasing " + target.label());
        List<RunningContainer> previous = engine.list(InstanceLabels.webOf(target.app()));

        RunningContainer fresh = startHealthy(target, progress);

        ledger.deploymentSwitching(target.deploymentId());
        router.setRoute(target.app(), routes.hostnames(target.app()), List.of(backendOf(fresh)));
        progress.line("-----> Routed " + String.join(", ", routes.hostnames(target.app())) + " to " + target.label());

        ledger.deploymentSucceeded(target.deploymentId());
        if (!previous.isEmpty()) {
            progress.line("-----> Draining " + previous.size() + " old instance(s), then stopping them (in the background)");
            retirer.retire(previous, target.policy());
        }
        return target;
    }

    private RunningContainer startHealthy(RolloutTarget target, LineSink progress) {
        RunningContainer fresh = null;
        try {
            progress.line("-----> Starting web instance of " + target.label());
            fresh = launcher.startWeb(target);
            launcher.requireStarted(fresh);
            progress.line("-----> Waiting for " + fresh.name() + " on " + fresh.hostAddress() + ":" + fresh.hostPort()
                    + ": " + target.checks().describe());
            launcher.awaitHealthy(fresh, target.checks());
            return fresh;
        } catch (RuntimeException e) {
            String reason = "the web instance of " + target.label() + " did not become healthy: " + e.getMessage();
            if (fresh != null) {
                relayLastOutput(fresh, progress);
                engine.stopAndRemove(fresh.id(), target.policy().stopGrace());
            }
            ledger.deploymentFailed(target.deploymentId(), reason);
            throw new DeployFailedException(reason + ". The previous release keeps serving; fix the app and push again");
        }
    }

    private void relayLastOutput(RunningContainer instance, LineSink progress) {
        String tail = engine.tail(instance.id(), LOG_LINES_ON_FAILURE);
        if (!tail.isBlank()) {
            progress.line("-----> Last output of " + instance.name() + ":");
            tail.lines().forEach(line -> progress.line("       " + line));
        }
    }

    static Backend backendOf(RunningContainer container) {
        return new Backend(container.hostAddress(), container.hostPort());
    }
}
