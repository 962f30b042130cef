package dev.gantry.node.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gantry.node.ContainerSpec;
import dev.gantry.node.ContainerStartFailedException;
import dev.gantry.node.NodeLabels;
import dev.gantry.node.RunningContainer;
import dev.gantry.node.docker.DockerTestRun;
import dev.gantry.service.ServiceJson;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The node runner against the real engine: what it starts, adopts, removes and leaves alone. */
class NodeAgentTest {

    private static DockerTestRun docker;
    private static int apps;

    @TempDir
    Path home;

    @BeforeAll
    static void engine() {
        docker = new DockerTestRun();
    }

    @AfterAll
    static void cleanUp() throws Exception {
        docker.close();
    }

    @Test
    void placingStartsTheInstanceOnceEvenWhenRepeated() {
        String app = newApp();
        try (NodeAgent agent = agent()) {
            RunningContainer first = agent.place(instance(app, "web-1"));
            RunningContainer again = agent.place(instance(app, "web-1"));

            assertTrue(first.running());
            assertEquals(first.id(), again.id());
            assertEquals(first.startedAt(), again.startedAt());
            assertEquals(1, agent.instances(Map.of(NodeLabels.APP, app)).size());
            assertEquals(1, agent.status().desiredInstances());
        }
    }

    @Test
    void aRestartedRunnerAdoptsItsInstancesAsTheyAre() {
        String app = newApp();
        RunningContainer web;
        RunningContainer worker;
        try (NodeAgent agent = agent()) {
            web = agent.place(instance(app, "web-1"));
            worker = agent.place(instance(app, "worker-1"));
            agent.keepOnly(app, Set.of(web.name(), worker.name()), Duration.ZERO);
        }

        try (NodeAgent restarted = agent()) {
            NodeAgent.Pass pass = restarted.reconcile();

            assertEquals(List.of(), pass.removed());
            assertEquals(List.of(), pass.forgotten());
            assertEquals(2, restarted.status().desiredInstances());
            for (RunningContainer before : List.of(web, worker)) {
                RunningContainer now = restarted.instance(before.name()).orElseThrow();
                assertTrue(now.running(), now.name());
                assertEquals(before.id(), now.id());
                assertEquals(before.startedAt(), now.startedAt(), "restarted: " + now.name());
            }
        }
    }

    @Test
    void keepOnlyRemovesTheAppsOtherInstancesAndNothingElse() {
        String app = newApp();
        String other = newApp();
        try (NodeAgent agent = agent()) {
            RunningContainer kept = agent.place(instance(app, "web-1"));
            RunningContainer orphan = agent.place(instance(app, "web-2"));
            RunningContainer elsewhere = agent.place(instance(other, "web-1"));
            RunningContainer oneOff = docker.engine.start(oneOff(app, "run-1"));

            List<String> removed = agent.keepOnly(app, Set.of(kept.name()), Duration.ZERO);

            assertEquals(List.of(orphan.name()), removed);
            assertTrue(docker.engine.inspect(orphan.id()).isEmpty(), "the orphan still exists");
            assertTrue(agent.instance(kept.id()).orElseThrow().running());
            assertTrue(agent.instance(elsewhere.id()).orElseThrow().running());
            assertTrue(docker.engine.inspect(oneOff.id()).orElseThrow().running(), "a one-off run is not an instance");
            assertTrue(agent.instance(oneOff.id()).isEmpty());
        }
    }

    @Test
    void withNoLabelGivenEveryAppsInstancesAreListedAndNothingElse() {
        try (NodeAgent agent = agent()) {
            List<String> placed = Stream.of(newApp(), newApp())
                    .map(app -> agent.place(instance(app, "web-1")).id()).toList();
            String run = docker.engine.start(oneOff(newApp(), "run-1")).id();
            String plain = docker.engine.start(docker.worker("plain", null, "sleep", "600")).id();

            Set<String> listed = agent.instances(Map.of()).stream().map(RunningContainer::id).collect(Collectors.toSet());

            assertTrue(listed.containsAll(placed), listed.toString());
            assertFalse(listed.contains(run), "a one-off run is not an instance");
            assertFalse(listed.contains(plain), "a container without the instance label is not one");
        }
    }

    @Test
    void aRemovalThatARestartCutShortIsFinishedByTheLoop() throws Exception {
        String app = newApp();
        RunningContainer leaving;
        try (NodeAgent agent = agent()) {
            RunningContainer staying = agent.place(instance(app, "web-1"));
            leaving = agent.place(instance(app, "web-2"));
            agent.keepOnly(app, Set.of(staying.name(), leaving.name()), Duration.ZERO);
        }
        // What a DELETE leaves when the runner dies between saving the change and stopping the container.
        DesiredInstances saved = DesiredInstances.load(stateFile(), ServiceJson.MAPPER);
        saved.remove(leaving.name());

        try (NodeAgent restarted = agent()) {
            assertEquals(List.of(leaving.name()), restarted.reconcile().removed());
            awaitGone(leaving.id());
            assertEquals(1, restarted.instances(Map.of(NodeLabels.APP, app)).size());
        }
    }

    @Test
    void containersOfAnAppItWasNeverToldAboutAreLeftAlone() {
        String app = newApp();
        RunningContainer stranger = docker.engine.start(instance(app, "web-1"));
        try (NodeAgent agent = agent()) {
            assertEquals(List.of(), agent.reconcile().removed());
            assertTrue(docker.engine.inspect(stranger.id()).orElseThrow().running());

            assertEquals(List.of(stranger.name()), agent.keepOnly(app, Set.of(), Duration.ZERO));
            assertTrue(docker.engine.inspect(stranger.id()).isEmpty());
        }
    }

    @Test
    void anInstanceRemovedBehindItsBackIsForgottenNotRestarted() {
        String app = newApp();
        try (NodeAgent agent = agent()) {
            RunningContainer web = agent.place(instance(app, "web-1"));
            agent.keepOnly(app, Set.of(web.name()), Duration.ZERO);
            docker.engine.stopAndRemove(web.id(), Duration.ZERO);

            assertEquals(List.of(web.name()), agent.reconcile().forgotten());
            assertEquals(0, agent.status().desiredInstances());
            assertTrue(agent.instances(Map.of(NodeLabels.APP, app)).isEmpty(), "the runner started it again");
        }
    }

    @Test
    void anExitedInstanceIsReportedAndLeftForTheControlPlaneToReplace() throws Exception {
        String app = newApp();
        try (NodeAgent agent = agent()) {
            ContainerSpec exits = withCommand(instance(app, "web-1"), "sh", "-c", "sleep 0.2; exit 3");
            RunningContainer web = agent.place(exits);
            agent.keepOnly(app, Set.of(web.name()), Duration.ZERO);
            RunningContainer exited = awaitExited(agent, web.id());

            assertEquals(3, exited.exitCode());
            agent.reconcile();
            assertFalse(agent.instance(web.id()).orElseThrow().running());
            assertEquals(web.startedAt(), agent.instance(web.id()).orElseThrow().startedAt(), "restarted by the runner");
        }
    }

    @Test
    void aStartTheEngineRefusesLeavesNothingDesired() {
        String app = newApp();
        try (NodeAgent agent = agent()) {
            ContainerSpec spec = instance(app, "web-1");
            ContainerSpec missingImage = new ContainerSpec(spec.name(), "gantry-test-no-such-image:none", List.of(),
                    Map.of(), spec.labels(), 0, null);

            assertThrows(ContainerStartFailedException.class, () -> agent.place(missingImage));
            assertEquals(0, agent.status().desiredInstances());
        }
    }

    @Test
    void aSpecWithoutItsLabelsIsRefused() {
        try (NodeAgent agent = agent()) {
            ContainerSpec unlabelled = docker.worker("unlabelled", null, "sleep", "60");
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> agent.place(unlabelled));
            assertEquals("an instance needs the label gantry.app; " + unlabelled.name() + " has none",
                    refused.getMessage());
        }
    }

    @Test
    void aSecondRunnerOverTheSameStateIsRefusedUntilTheFirstStops() {
        try (NodeAgent first = agent()) {
            IllegalStateException refused = assertThrows(IllegalStateException.class, this::agent);
            assertTrue(refused.getMessage().startsWith("another node runner already runs the instances saved in "
                    + stateFile()), refused.getMessage());
            assertTrue(refused.getMessage().contains("GANTRY_NODE_MODE"), refused.getMessage());
            assertEquals(0, first.status().desiredInstances(), "the first runner carries on");
        }
        try (NodeAgent next = agent()) {
            assertEquals(0, next.status().desiredInstances());
        }
    }

    private NodeAgent agent() {
        return NodeAgent.open(docker.engine, stateFile(), "test-node", 0);
    }

    private Path stateFile() {
        return home.resolve("node").resolve("desired.json");
    }

    private static synchronized String newApp() {
        return "agent-test-" + docker.runId.substring(0, 8) + "-" + ++apps;
    }

    /** A long-running instance of {@code app}, named after the app and the slot. */
    static ContainerSpec instance(String app, String slot) {
        String name = docker.containerName(app.substring(app.lastIndexOf('-') + 1) + "-" + slot);
        Map<String, String> labels = new HashMap<>(docker.labels);
        labels.put(NodeLabels.APP, app);
        labels.put(NodeLabels.INSTANCE, name);
        labels.put(NodeLabels.STOP_GRACE, "0");
        return new ContainerSpec(name, docker.baseImage, List.of("sleep", "600"), Map.of(), labels, 0, null);
    }

    private static ContainerSpec oneOff(String app, String slot) {
        ContainerSpec spec = instance(app, slot);
        Map<String, String> labels = new HashMap<>(spec.labels());
        labels.put(NodeLabels.ONE_OFF, "true");
        return new ContainerSpec(spec.name(), spec.image(), spec.command(), Map.of(), labels, 0, null);
    }

    private static ContainerSpec withCommand(ContainerSpec spec, String... command) {
        return new ContainerSpec(spec.name(), spec.image(), List.of(command), Map.of(), spec.labels(), 0, null);
    }

    private static RunningContainer awaitExited(NodeAgent agent, String id) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            RunningContainer container = agent.instance(id).orElseThrow();
            if (!container.running()) {
                return container;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(id + " did not exit within 10 s");
    }

    private static void awaitGone(String id) throws InterruptedException {
        for (int i = 0; i < 100 && docker.engine.inspect(id).isPresent(); i++) {
            Thread.sleep(100);
        }
        assertTrue(docker.engine.inspect(id).isEmpty(), id + " was not removed within 10 s");
    }
}
