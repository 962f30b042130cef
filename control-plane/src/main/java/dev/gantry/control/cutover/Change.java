package dev.gantry.control.cutover;

import dev.gantry.control.instances.AppInstance;
import dev.gantry.control.releases.RolloutTarget;
import java.util.ArrayList;
import java.util.List;

/**
 * One change to the instances an app serves with: the slots of {@code target} to start, the instances
 * that keep serving beside them, and those that leave once the new ones serve. {@link Cutover}
 * carries it out; the factories name the stories that make one.
 */
public record Change(RolloutTarget target, List<Slot> toStart, List<AppInstance> staying, List<AppInstance> leaving,
        Milestones milestones) {

    /** What a story records at the two moments a change passes; both are optional. */
    public interface Milestones {
        Milestones NONE = new Milestones() {
        };

        /** Every new instance is ready; the route is about to switch to them. */
        default void ready(List<AppInstance> fresh) {
        }

        /** The route serves from the new set; the leaving instances are about to be retired. */
        default void switched(List<AppInstance> fresh) {
        }
    }

    public Change {
        toStart = List.copyOf(toStart);
        staying = List.copyOf(staying);
        leaving = List.copyOf(leaving);
    }

    /** A new release: every slot of its formation starts, and everything that ran before leaves. */
    public static Change rollout(RolloutTarget target, List<AppInstance> previous, Milestones milestones) {
        List<Slot> slots = new ArrayList<>();
        for (String type : target.processTypes().longRunning().keySet()) {
            for (int index = 1; index <= target.quantity(type); index++) {
                slots.add(new Slot(type, index));
            }
        }
        return new Change(target, slots, List.of(), previous, milestones);
    }

    /** One slot filled beside the instances already serving. */
    public static Change fill(RolloutTarget target, Slot slot, List<AppInstance> serving) {
        return new Change(target, List.of(slot), serving, List.of(), Milestones.NONE);
    }

    /** A fresh instance takes {@code old}'s slot; the others keep serving. */
    public static Change replace(RolloutTarget target, AppInstance old, List<AppInstance> others) {
        return new Change(target, List.of(Slot.of(old)), others, List.of(old), Milestones.NONE);
    }

    /** Nothing starts: the route narrows to {@code serving} and {@code leaving} is retired. */
    public static Change retire(RolloutTarget target, List<AppInstance> leaving, List<AppInstance> serving) {
        return new Change(target, List.of(), serving, leaving, Milestones.NONE);
    }

    /** Nothing starts or leaves: the route is set to what serves now, as observed. */
    public static Change route(RolloutTarget target, List<AppInstance> serving) {
        return new Change(target, List.of(), serving, List.of(), Milestones.NONE);
    }
}
