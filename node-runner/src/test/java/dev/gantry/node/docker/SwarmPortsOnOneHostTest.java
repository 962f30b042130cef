package dev.gantry.node.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gantry.node.ContainerSpec;
import dev.gantry.node.InstanceLogs;
import dev.gantry.node.LogLine;
import dev.gantry.node.NetworkAttachment;
import dev.gantry.node.OneOffRuns;
import dev.gantry.node.RunningContainer;
import java.io.Closeable;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Until this host manages a cluster, the Swarm implementations of the logs and one-off ports hand every
 * call to this host's own, and never touch the engine (none is given here: a call to it would fail).
 */
class SwarmPortsOnOneHostTest {

    private final List<String> calls = new ArrayList<>();

    private final InstanceLogs hostLogs = new InstanceLogs() {
        @Override
        public Closeable follow(String instance, Instant since, Consumer<LogLine> sink) {
            calls.add("follow " + instance);
            return () -> { };
        }

        @Override
        public String last(String instance, int lines) {
            calls.add("last " + instance + " " + lines);
            return "the end";
        }
    };

    private final OneOffRuns hostRuns = new OneOffRuns() {
        @Override
        public int run(ContainerSpec spec, InputStream stdin, OutputStream stdout, OutputStream stderr, boolean tty) {
            calls.add("run " + spec.name() + " on " + spec.network().network());
            return 3;
        }

        @Override
        public List<RunningContainer> list(Map<String, String> labels) {
            calls.add("list");
            return List.of();
        }

        @Override
        public void remove(String run, Duration grace) {
            calls.add("remove " + run);
        }
    };

    @Test
    void logsOfAnInstanceAreReadFromThisHostsEngine() throws Exception {
        SwarmInstanceLogs logs = new SwarmInstanceLogs(null, hostLogs, () -> false);

        logs.follow("c1", null, line -> { }).close();

        assertEquals("the end", logs.last("c1", 20));
        assertEquals(List.of("follow c1", "last c1 20"), calls);
    }

    @Test
    void aOneOffRunsOnThisHostsBridge() {
        SwarmOneOffRuns runs = new SwarmOneOffRuns(null, hostRuns, () -> false);
        ContainerSpec spec = new ContainerSpec("shop-run-v1-abc", "img", List.of("env"), Map.of(), Map.of(), 0, null, null,
                null, new NetworkAttachment("gantry-app-shop", List.of(), "gantry-cluster-shop"), false);

        assertEquals(3, runs.run(spec, null, OutputStream.nullOutputStream(), OutputStream.nullOutputStream(), false));
        runs.list(Map.of());
        runs.remove("r1", Duration.ZERO);

        assertEquals(List.of("run shop-run-v1-abc on gantry-app-shop", "list", "remove r1"), calls);
    }
}
