package dev.gantry.control.formation;

import dev.gantry.control.cutover.Slot;
import dev.gantry.control.instances.AppInstance;
import java.util.List;
import java.util.Set;

/**
 * What one reconcile pass does, decided by {@link FormationPlanner} before anything is done.
 *
 * @param crashed instances that exited: their crash is recorded and they are removed at once
 * @param lost instances on a node that is gone: forgotten, and their slots filled elsewhere
 * @param toStart missing slots past their crash backoff, each started and routed once ready
 * @param toRetire instances no slot wants (scaled away, an older twin of a slot): they leave the
 *        route, drain and stop
 * @param serving the instances that keep serving, which the route must name
 * @param stable slots whose instance has run long enough to forget the slot's crashes
 * @param keep everything the node should still have of the app: the rest is removed
 */
public record FormationPlan(List<AppInstance> crashed, List<AppInstance> lost, List<Slot> toStart,
        List<AppInstance> toRetire, List<AppInstance> serving, Set<String> stable, Set<String> keep) {

    public FormationPlan {
        crashed = List.copyOf(crashed);
        lost = List.copyOf(lost);
        toStart = List.copyOf(toStart);
        toRetire = List.copyOf(toRetire);
        serving = List.copyOf(serving);
        stable = Set.copyOf(stable);
        keep = Set.copyOf(keep);
    }

    /** Whether the route must be set again even when nothing starts: an instance left it. */
    public boolean narrowsRoute() {
        return !crashed.isEmpty() || !lost.isEmpty() || !toRetire.isEmpty();
    }
}
