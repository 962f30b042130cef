package dev.gantry.control.formation;

import dev.gantry.control.cutover.Slot;
import dev.gantry.control.instances.AppInstance;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides one reconcile pass, as Nomad's reconciler does: from what should run and what runs, with
 * no engine and no clock of its own, so every decision can be tested with a table. Desired is the
 * current release at the app's formation (every count 0 while the app is stopped); observed is every
 * formation instance of the app, of any release.
 */
public final class FormationPlanner {

    private FormationPlanner() {
    }

    /**
     * What a pass knows.
     *
     * @param version the current release
     * @param wanted instances wanted per long-running process type, in the Procfile's order
     * @param observed the app's instances as the node reports them now
     * @param retiring names of instances already draining or stopping: neither serving nor extra
     * @param lost names of instances whose node is gone
     * @param crashes the current release's crash history, by slot name ({@code web.2})
     * @param watched whether a release watch owns the current release's crashes (it rolls back):
     *        crashed instances of it are then left for the watch to see, and not replaced
     * @param now the time the pass runs at
     */
    public record Observation(int version, Map<String, Integer> wanted, List<AppInstance> observed,
            Set<String> retiring, Set<String> lost, Map<String, CrashHistory.Crashes> crashes, boolean watched,
            Instant now) {

        public Observation {
            wanted = new LinkedHashMap<>(wanted);
            observed = List.copyOf(observed);
            retiring = Set.copyOf(retiring);
            lost = Set.copyOf(lost);
            crashes = Map.copyOf(crashes);
        }
    }

    public static FormationPlan plan(Observation seen) {
        List<AppInstance> crashed = new ArrayList<>();
        List<AppInstance> lost = new ArrayList<>();
        List<AppInstance> left = new ArrayList<>();
        List<AppInstance> running = new ArrayList<>();
        for (AppInstance instance : seen.observed()) {
            if (instance.version() != seen.version() || seen.retiring().contains(instance.name())) {
                continue;
            }
            if (seen.lost().contains(instance.name())) {
                lost.add(instance);
            } else if (instance.running()) {
                running.add(instance);
            } else if (seen.watched()) {
                left.add(instance);
            } else {
                crashed.add(instance);
            }
        }
        List<AppInstance> extra = extras(seen.wanted(), running);
        List<AppInstance> serving = running.stream().filter(instance -> !extra.contains(instance)).toList();
        Set<String> occupied = new HashSet<>();
        serving.forEach(instance -> occupied.add(instance.slot()));
        crashed.forEach(instance -> occupied.add(instance.slot()));
        left.forEach(instance -> occupied.add(instance.slot()));
        List<Slot> toStart = new ArrayList<>();
        seen.wanted().forEach((type, count) -> {
            for (int index = 1; index <= count; index++) {
                Slot slot = new Slot(type, index);
                CrashHistory.Crashes crashes = seen.crashes().get(slot.name());
                if (!occupied.contains(slot.name()) && (crashes == null || crashes.allowsStartAt(seen.now()))) {
                    toStart.add(slot);
                }
            }
        });
        Set<String> stable = serving.stream()
                .filter(instance -> upFor(instance, seen.now()).compareTo(CrashHistory.STABLE_UPTIME) >= 0)
                .map(AppInstance::slot)
                .collect(Collectors.toSet());
        Set<String> keep = new HashSet<>();
        serving.forEach(instance -> keep.add(instance.name()));
        extra.forEach(instance -> keep.add(instance.name()));
        left.forEach(instance -> keep.add(instance.name()));
        seen.observed().stream().filter(instance -> seen.retiring().contains(instance.name()))
                .forEach(instance -> keep.add(instance.name()));
        return new FormationPlan(crashed, lost, toStart, extra, serving, stable, keep);
    }

    /** Slots the formation no longer wants, and the older twins of a slot (the newest stays). */
    private static List<AppInstance> extras(Map<String, Integer> wanted, List<AppInstance> running) {
        List<AppInstance> extra = new ArrayList<>();
        Map<String, List<AppInstance>> bySlot = running.stream()
                .collect(Collectors.groupingBy(AppInstance::slot, LinkedHashMap::new, Collectors.toList()));
        for (List<AppInstance> sameSlot : bySlot.values()) {
            List<AppInstance> newestFirst = sameSlot.stream()
                    .sorted(Comparator.comparing((AppInstance i) -> i.container().startedAt(),
                            Comparator.nullsFirst(Comparator.naturalOrder())).reversed())
                    .toList();
            AppInstance newest = newestFirst.get(0);
            if (newest.index() > wanted.getOrDefault(newest.type(), 0)) {
                extra.addAll(newestFirst);
            } else {
                extra.addAll(newestFirst.subList(1, newestFirst.size()));
            }
        }
        return extra;
    }

    private static Duration upFor(AppInstance instance, Instant now) {
        Instant startedAt = instance.container().startedAt();
        return startedAt == null ? Duration.ZERO : Duration.between(startedAt, now);
    }
}
