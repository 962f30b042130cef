package dev.gantry.node.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gantry.node.ContainerSpec;
import dev.gantry.node.NetworkAttachment;
import dev.gantry.node.NodeLabels;
import dev.gantry.node.NodeRunner;
import dev.gantry.node.NodeStatus;
import dev.gantry.node.RunningContainer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ManagerRunnerTest {

    /** A runner that holds instances by name and records what it was asked. */
    private static final class Held implements NodeRunner {
        final String node;
        final List<RunningContainer> running = new ArrayList<>();
        final List<String> calls = new ArrayList<>();

        Held(String node) {
            this.node = node;
        }

        @Override
        public RunningContainer place(ContainerSpec spec) {
            calls.add("place " + spec.name());
            RunningContainer placed = new RunningContainer(spec.name(), spec.name(), spec.image(), spec.labels(), true, 0,
                    Instant.now(), "127.0.0.1", 1, false, null, RunningContainer.Health.NONE, node, false);
            running.add(placed);
            return placed;
        }

        @Override
        public void remove(String container, Duration grace) {
            calls.add("remove " + container);
            running.removeIf(instance -> instance.id().equals(container));
        }

        @Override
        public List<RunningContainer> instances(Map<String, String> labels) {
            calls.add("instances");
            return List.copyOf(running);
        }

        @Override
        public Optional<RunningContainer> instance(String container) {
            calls.add("instance " + container);
            return running.stream().filter(instance -> instance.id().equals(container)).findFirst();
        }

        @Override
        public List<String> keepOnly(String app, Set<String> names, Duration grace) {
            calls.add("keepOnly");
            List<String> removed = running.stream().map(RunningContainer::name).filter(name -> !names.contains(name)).toList();
            running.removeIf(instance -> !names.contains(instance.name()));
            return removed;
        }

        @Override
        public NodeStatus status() {
            return new NodeStatus(node, 0, Instant.EPOCH, 0, running.size());
        }
    }

    private static ContainerSpec spec(String name) {
        return new ContainerSpec(name, "img", List.of(), Map.of(), Map.of(NodeLabels.APP, "shop", NodeLabels.INSTANCE, name),
                5000, null, null, List.of(), new NetworkAttachment("shop-bridge", List.of("web.internal"), "shop-overlay"),
                false);
    }

    /** A backing service's container: on a bridge of this host only. */
    private static ContainerSpec hostOnly(String name) {
        return new ContainerSpec(name, "img", List.of(), Map.of(), Map.of(NodeLabels.APP, "svc", NodeLabels.INSTANCE, name),
                0, null, null, List.of(), new NetworkAttachment("svc-bridge", List.of("db")), false);
    }

    private final Held host = new Held("here");
    private final Held cluster = new Held("there");
    private final AtomicBoolean clustered = new AtomicBoolean();
    private final ManagerRunner runner = new ManagerRunner(host, cluster, clustered::get);

    @Test
    void untilTheHostManagesAClusterItsOwnRunnerDoesEverythingAndTheClusterIsNeverAsked() {
        runner.place(spec("web-1"));
        runner.instances(Map.of());
        runner.instance("web-1");
        runner.instance("gone");
        runner.keepOnly("shop", Set.of("web-1"), Duration.ZERO);
        runner.remove("web-1", Duration.ZERO);

        assertEquals(List.of(), cluster.calls);
        assertEquals("here", runner.status().node());
    }

    @Test
    void onceItDoesNewInstancesGoToTheClusterAndThoseStartedBeforeStayListedUntilRetired() {
        runner.place(spec("web-1"));
        clustered.set(true);
        runner.place(spec("web-2"));

        assertEquals(List.of("web-1"), host.running.stream().map(RunningContainer::name).toList());
        assertEquals(List.of("web-1", "web-2"), runner.instances(Map.of()).stream().map(RunningContainer::name).toList());
        assertEquals("there", runner.instance("web-2").orElseThrow().node());
        assertEquals("here", runner.instance("web-1").orElseThrow().node());

        assertEquals(List.of("web-1"), runner.keepOnly("shop", Set.of("web-2"), Duration.ZERO));
        runner.remove("web-2", Duration.ZERO);
        assertEquals(List.of(), runner.instances(Map.of()));
    }

    @Test
    void aContainerWithNoNetworkOnTheClusterStaysOnThisHostEvenOnACluster() {
        clustered.set(true);
        runner.place(hostOnly("db-1"));

        assertEquals(List.of("db-1"), host.running.stream().map(RunningContainer::name).toList());
        assertEquals(List.of(), cluster.running);
    }
}
