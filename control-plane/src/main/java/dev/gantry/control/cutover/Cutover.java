package dev.gantry.control.cutover;

import dev.gantry.common.LineSink;
import dev.gantry.control.instances.AppInstance;
import dev.gantry.control.instances.InstanceLauncher;
import dev.gantry.control.instances.InstanceOutput;
import dev.gantry.control.instances.InstanceRetirer;
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
 * The one way the instances an app serves with change, in kamal-proxy's order: start the new
 * instances and wait until each is ready (web: its health check; other types: still up a moment
 * later), switch the app's route to them and the staying ones in one atomic step, then retire the
 * leaving ones (drain, then stop) in the background. All or nothing: when any new instance fails
 * before the switch, every new one is removed, the route is untouched and nothing is retired.
 * Rollouts, scaling, restarts and startup recovery all change instances through here; the caller
 * holds the app's lock.
 */
@ApplicationScoped
public class Cutover {

    private static final Logger LOG = Logger.getLogger(Cutover.class);

    private final InstanceLauncher launcher;
    private final NodeRunner nodes;
    private final AppRoutes routes;
    private final InstanceRetirer retirer;
    private final InstanceOutput output;

    Cutover(InstanceLauncher launcher, NodeRunner nodes, AppRoutes routes, InstanceRetirer retirer,
            InstanceOutput output) {
        this.launcher = launcher;
        this.nodes = nodes;
        this.routes = routes;
        this.retirer = retirer;
        this.output = output;
    }

    /**
     * Carries out {@code change}; returns the new instances, which serve once this returns.
     *
     * @throws CutoverFailedException when a new instance could not start or become ready; the
     *         instances that served before serve on
     */
    public List<AppInstance> perform(Change change, LineSink progress) {
        RolloutTarget target = change.target();
        List<AppInstance> fresh = startAllReady(target, change.toStart(), progress);
        change.milestones().ready(fresh);
        routes.routeTo(target.app(), Stream.concat(change.staying().stream(), fresh.stream()).toList());
        change.milestones().switched(fresh);
        if (!change.leaving().isEmpty()) {
            progress.line("-----> Draining " + change.leaving().size() + " old instance(s) ("
                    + change.leaving().stream().map(AppInstance::slot).collect(Collectors.joining(", "))
                    + "), then stopping them (in the background)");
            retirer.retire(change.leaving(), target.policy());
        }
        return fresh;
    }

    private List<AppInstance> startAllReady(RolloutTarget target, List<Slot> slots, LineSink progress) {
        List<AppInstance> fresh = new ArrayList<>();
        Slot slot = null;
        AppInstance awaited = null;
        try {
            for (Slot each : slots) {
                slot = each;
                progress.line("-----> Starting " + slot + " of " + target.label());
                fresh.add(launcher.start(target, slot.type(), slot.index(), progress));
            }
            for (AppInstance instance : fresh) {
                slot = Slot.of(instance);
                awaited = instance;
                progress.line("-----> Waiting for " + instance.name() + describeWait(instance, target));
                launcher.awaitReady(instance, target, progress);
            }
            return fresh;
        } catch (RuntimeException e) {
            String lastOutput = awaited != null && !(e instanceof EngineUnavailableException)
                    ? output.relayLast(awaited, progress) : "";
            removeAll(fresh, target);
            throw new CutoverFailedException(slot, awaited, e, lastOutput);
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
                LOG.warnf("%s: %s is left to the node runner to remove: %s", target.app(), instance.name(),
                        e.getMessage());
            }
        }
    }

    private static String describeWait(AppInstance instance, RolloutTarget target) {
        return instance.isWeb()
                ? " on " + instance.container().hostAddress() + ":" + instance.container().hostPort() + ": "
                        + target.checks().describe()
                : ": it must still run " + InstanceLauncher.WORKER_SETTLE.toSeconds() + " s after its start";
    }
}
