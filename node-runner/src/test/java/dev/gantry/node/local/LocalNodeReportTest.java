package dev.gantry.node.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gantry.node.ContainerUsage;
import dev.gantry.node.InstanceUsage;
import dev.gantry.node.RunningContainer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LocalNodeReportTest {

    private final RecordingEngine recording = new RecordingEngine();
    private final LocalNodeReport report = new LocalNodeReport(recording.engine());

    @Test
    void theCollectorSeesEveryExitedContainerLabelledForAnAppWhateverElseItCarries() {
        recording.answering("listLabelled", args -> List.of(
                container("instance", false, Map.of("gantry.app", "shop", "gantry.instance", "instance")),
                container("run", false, Map.of("gantry.app", "shop", "gantry.one-off", "true")),
                container("left-by-hand", false, Map.of("gantry.app", "shop", "gantry.release", "999")),
                container("serving", true, Map.of("gantry.app", "shop", "gantry.instance", "serving"))));

        List<String> exited = report.exitedAppContainers().stream().map(RunningContainer::name).toList();

        assertEquals(List.of("instance", "run", "left-by-hand"), exited);
        assertEquals(List.of("listLabelled[gantry.app]"), recording.calls);
    }

    @Test
    void usageIsReadForRunningInstancesOnlyAndOneGoneMeanwhileIsLeftOut() {
        recording.answering("listLabelled", args -> List.of(
                container("web-1", true, Map.of("gantry.app", "shop", "gantry.instance", "web-1")),
                container("web-2", true, Map.of("gantry.app", "shop", "gantry.instance", "web-2")),
                container("exited", false, Map.of("gantry.app", "shop", "gantry.instance", "exited"))));
        recording.answering("usage", args -> args[0].equals("id-web-1")
                ? Optional.of(new ContainerUsage(5, 7)) : Optional.empty());

        List<InstanceUsage> usage = report.instanceUsage();

        assertEquals(List.of("web-1"), usage.stream().map(u -> u.instance().name()).toList());
        assertEquals(new ContainerUsage(5, 7), usage.get(0).usage());
        assertEquals(List.of("listLabelled[gantry.instance]", "usage[id-web-1]", "usage[id-web-2]"), recording.calls);
    }

    private static RunningContainer container(String name, boolean running, Map<String, String> labels) {
        return new RunningContainer("id-" + name, name, "image", labels, running, running ? 0 : 1,
                Instant.parse("2026-12-07T12:00:00Z"), "127.0.0.1", 0);
    }
}
