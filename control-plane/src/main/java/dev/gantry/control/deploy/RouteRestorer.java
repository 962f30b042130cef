package dev.gantry.control.deploy;

import dev.gantry.node.ContainerEngine;
import dev.gantry.node.RunningContainer;
import dev.gantry.router.RouteControl;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Brings the router back in line with what runs, after Gantry (and its in-process router) starts:
 * routes come from the containers as observed now, never from a saved address. Instances of the
 * current release are adopted as they are; containers of other releases (left by a deploy that was
 * killed) are removed; an app whose instance is gone gets a new one.
 */
@ApplicationScoped
public class RouteRestorer {

    private static final Logger LOG = Logger.getLogger(RouteRestorer.class);

    private final ReleaseLedger ledger;
    private final ContainerEngine engine;
    private final InstanceLauncher launcher;
    private final RouteControl router;
    private final AppRoutes routes;

    RouteRestorer(ReleaseLedger ledger, ContainerEngine engine, InstanceLauncher launcher, RouteControl router,
            AppRoutes routes) {
        this.ledger = ledger;
        this.engine = engine;
        this.launcher = launcher;
        this.router = router;
        this.routes = routes;
    }

    public void restore(String app) {
        Optional<RolloutTarget> current = ledger.currentTarget(app);
        List<RunningContainer> instances = engine.list(Map.of(InstanceLabels.APP, app));
        if (current.isEmpty()) {
            return;
        }
        RolloutTarget target = current.get();
        String version = Integer.toString(target.version());
        List<RunningContainer> adopted = instances.stream()
                .filter(c -> c.running() && c.hostPort() > 0 && version.equals(c.labels().get(InstanceLabels.RELEASE)))
                .toList();
        List<RunningContainer> serving = adopted.isEmpty() ? List.of(startReplacement(target)) : adopted;
        router.setRoute(app, routes.hostnames(app), serving.stream().map(Rollout::backendOf).toList());
        instances.stream()
                .filter(c -> !serving.contains(c))
                .forEach(orphan -> {
                    LOG.infof("removing %s: it belongs to no current release of %s", orphan.name(), app);
                    engine.stopAndRemove(orphan.id(), target.policy().stopGrace());
                });
        LOG.infof("%s: routed %s to %d instance(s) of %s", app, routes.hostnames(app), serving.size(), target.label());
    }

    private RunningContainer startReplacement(RolloutTarget target) {
        LOG.infof("%s %s has no running web instance; starting one", target.app(), target.label());
        RunningContainer fresh = launcher.startWeb(target);
        launcher.requireStarted(fresh);
        launcher.awaitHealthy(fresh, target.checks());
        return fresh;
    }
}
