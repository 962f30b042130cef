package dev.gantry.node.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gantry.node.RunningContainer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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

    private static RunningContainer container(String name, boolean running, Map<String, String> labels) {
        return new RunningContainer("id-" + name, name, "image", labels, running, running ? 0 : 1,
                Instant.parse("2026-12-07T12:00:00Z"), "127.0.0.1", 0);
    }
}
