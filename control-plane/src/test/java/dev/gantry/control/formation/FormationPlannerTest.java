package dev.gantry.control.formation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gantry.control.instances.AppInstance;
import dev.gantry.node.RunningContainer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One pass's decisions, case by case, with no engine: each row is what the pass sees and what it
 * must do. Instances are written {@code SLOT@vN:STATE:NAME}; their names stand for themselves.
 */
class FormationPlannerTest {

    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
    private static final int CURRENT = 4;

    static Stream<Arguments> cases() {
        return Stream.of(
                row("missing slots are started",
                        seen(Map.of("web", 2)),
                        "start=[web.1, web.2] serving=[] keep=[]"),
                row("an instance that runs is left as it is",
                        seen(Map.of("web", 1), up("web.1", "a", 10)),
                        "serving=[web.1] keep=[a]"),
                row("an exited instance is a crash: removed now, its slot started once its backoff is over",
                        seen(Map.of("web", 1), exited("web.1", "a")),
                        "crashed=[web.1] serving=[] keep=[]"),
                row("a slot in its crash backoff waits",
                        seen(Map.of("web", 2), up("web.1", "a", 10)).crash("web.2", NOW.plusSeconds(4)),
                        "serving=[web.1] keep=[a]"),
                row("a slot whose backoff is over is started again",
                        seen(Map.of("web", 2), up("web.1", "a", 10)).crash("web.2", NOW.minusSeconds(1)),
                        "start=[web.2] serving=[web.1] keep=[a]"),
                row("an extra slot leaves: scaled from 2 to 1",
                        seen(Map.of("web", 1), up("web.1", "a", 10), up("web.2", "b", 10)),
                        "retire=[web.2] serving=[web.1] keep=[a, b]"),
                row("of two instances in one slot the newer stays",
                        seen(Map.of("web", 1), up("web.1", "old", 30), up("web.1", "new", 5)),
                        "retire=[web.1:old] serving=[web.1:new] keep=[new, old]"),
                row("a process type the release no longer has leaves",
                        seen(Map.of("web", 1), up("web.1", "a", 10), up("worker.1", "w", 10)),
                        "retire=[worker.1] serving=[web.1] keep=[a, w]"),
                row("a stopped app (every count 0) retires everything and starts nothing",
                        seen(Map.of("web", 0, "worker", 0), up("web.1", "a", 10), up("worker.1", "w", 10)),
                        "retire=[web.1, worker.1] serving=[] keep=[a, w]"),
                row("a stopped app's crashed instance is still a crash",
                        seen(Map.of("web", 0), exited("web.1", "a")),
                        "crashed=[web.1] serving=[] keep=[]"),
                row("while a watch may roll the release back, its crashed instances are left for the watch",
                        seen(Map.of("web", 1), exited("web.1", "a")).watched(),
                        "serving=[] keep=[a]"),
                row("a watched release still gets the slots a scale-up added",
                        seen(Map.of("web", 2), exited("web.1", "a")).watched(),
                        "start=[web.2] serving=[] keep=[a]"),
                row("an instance on a node that is gone is replaced at once and not kept",
                        seen(Map.of("web", 1), up("web.1", "a", 10)).lost("a"),
                        "lost=[web.1] start=[web.1] serving=[] keep=[]"),
                row("a lost instance's slot still waits out a crash backoff",
                        seen(Map.of("web", 1), up("web.1", "a", 10)).lost("a").crash("web.1", NOW.plusSeconds(8)),
                        "lost=[web.1] serving=[] keep=[]"),
                row("an instance of another release is not kept: the node removes it",
                        seen(Map.of("web", 1), up("web.1", "a", 10), upOf(CURRENT - 1, "web.1", "stale", 99)),
                        "serving=[web.1] keep=[a]"),
                row("a retiring instance of any release is kept until its retirement ends",
                        seen(Map.of("web", 1), up("web.1", "a", 10), upOf(CURRENT - 1, "web.1", "old", 99))
                                .retiring("old"),
                        "serving=[web.1] keep=[a, old]"),
                row("a retiring instance of the current release neither serves nor blocks its slot",
                        seen(Map.of("web", 1), up("web.1", "going", 99)).retiring("going"),
                        "start=[web.1] serving=[] keep=[going]"),
                row("a minute of uptime makes a slot stable: its crashes are forgotten",
                        seen(Map.of("web", 2), up("web.1", "a", 60), up("web.2", "b", 59)),
                        "serving=[web.1, web.2] stable=[web.1] keep=[a, b]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void plansThePass(String description, Seen seen, String expected) {
        assertEquals(expected, describe(FormationPlanner.plan(seen.observation())));
    }

    private static Arguments row(String description, Seen seen, String expected) {
        return Arguments.of(description, seen, expected);
    }

    /** Only the parts of a plan that are not empty, so each row reads as what the pass does. */
    private static String describe(FormationPlan plan) {
        Map<String, Long> uses = Stream.of(plan.crashed(), plan.lost(), plan.toRetire(), plan.serving())
                .flatMap(List::stream)
                .collect(Collectors.groupingBy(AppInstance::slot, Collectors.counting()));
        List<String> parts = new ArrayList<>();
        part(parts, "crashed", slots(plan.crashed(), uses));
        part(parts, "lost", slots(plan.lost(), uses));
        part(parts, "start", plan.toStart().stream().map(Object::toString).toList());
        part(parts, "retire", slots(plan.toRetire(), uses));
        parts.add("serving=" + slots(plan.serving(), uses));
        part(parts, "stable", plan.stable().stream().sorted().toList());
        parts.add("keep=" + plan.keep().stream().sorted().toList());
        return String.join(" ", parts);
    }

    private static void part(List<String> parts, String name, List<String> values) {
        if (!values.isEmpty()) {
            parts.add(name + "=" + values);
        }
    }

    /** Slot names, with the instance's name where the plan names one slot more than once. */
    private static List<String> slots(List<AppInstance> instances, Map<String, Long> uses) {
        return instances.stream().sorted(AppInstance.BY_SLOT)
                .map(instance -> uses.get(instance.slot()) > 1 ? instance.slot() + ":" + instance.name()
                        : instance.slot())
                .toList();
    }

    private static Seen seen(Map<String, Integer> wanted, AppInstance... observed) {
        return new Seen(new TreeMap<>(wanted), List.of(observed));
    }

    private static AppInstance up(String slot, String name, long upSeconds) {
        return upOf(CURRENT, slot, name, upSeconds);
    }

    private static AppInstance upOf(int version, String slot, String name, long upSeconds) {
        return instance(version, slot, name, true, NOW.minusSeconds(upSeconds));
    }

    private static AppInstance exited(String slot, String name) {
        return instance(CURRENT, slot, name, false, NOW.minusSeconds(5));
    }

    private static AppInstance instance(int version, String slot, String name, boolean running, Instant startedAt) {
        String[] parts = slot.split("\\.");
        RunningContainer container = new RunningContainer("id-" + name, name, "image", Map.of(), running,
                running ? 0 : 1, startedAt, "127.0.0.1", running ? 32768 : 0);
        return new AppInstance(container, version, parts[0], Integer.parseInt(parts[1]));
    }

    /** A row's input, built up as it reads. */
    static final class Seen {
        private final Map<String, Integer> wanted;
        private final List<AppInstance> observed;
        private final Map<String, CrashHistory.Crashes> crashes = new LinkedHashMap<>();
        private Set<String> retiring = Set.of();
        private Set<String> lost = Set.of();
        private boolean watched;

        Seen(Map<String, Integer> wanted, List<AppInstance> observed) {
            this.wanted = wanted;
            this.observed = observed;
        }

        Seen crash(String slot, Instant retryAt) {
            crashes.put(slot, new CrashHistory.Crashes(1, retryAt, "exited with code 1"));
            return this;
        }

        Seen retiring(String... names) {
            retiring = Set.of(names);
            return this;
        }

        Seen lost(String... names) {
            lost = Set.of(names);
            return this;
        }

        Seen watched() {
            watched = true;
            return this;
        }

        FormationPlanner.Observation observation() {
            return new FormationPlanner.Observation(CURRENT, wanted, observed, retiring, lost, crashes, watched, NOW);
        }

        @Override
        public String toString() {
            return observed.stream().map(AppInstance::name).toList().toString();
        }
    }
}
