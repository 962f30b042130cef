package dev.gantry.node.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gantry.node.NodeLabels;
import dev.gantry.node.RunningContainer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalOneOffRunsTest {

    private static final RunningContainer SHOP_RUN = run("shop-run-1", "shop");
    private static final RunningContainer BLOG_RUN = run("blog-run-1", "blog");

    private final RecordingEngine recording = new RecordingEngine()
            .answering("listLabelled", args -> List.of(SHOP_RUN, BLOG_RUN));
    private final LocalOneOffRuns runs = new LocalOneOffRuns(recording.engine());

    @Test
    void anAppsRunsAreTheOneOffsCarryingItsLabel() {
        assertEquals(List.of(SHOP_RUN), runs.list(Map.of(NodeLabels.APP, "shop")));
        assertEquals(List.of("listLabelled[" + NodeLabels.ONE_OFF + "]"), recording.calls,
                "instances are never listed as runs");
    }

    @Test
    void noLabelsListsEveryRunOfEveryApp() {
        assertEquals(List.of(SHOP_RUN, BLOG_RUN), runs.list(Map.of()));
    }

    @Test
    void aRunIsRemovedWithTheGraceGiven() {
        runs.remove("shop-run-1", Duration.ofSeconds(5));

        assertEquals(List.of("stopAndRemove[shop-run-1, PT5S]"), recording.calls);
    }

    private static RunningContainer run(String name, String app) {
        return new RunningContainer(name + "-id", name, "gantry/" + app + ":build-1",
                Map.of(NodeLabels.APP, app, NodeLabels.ONE_OFF, "true"), true, 0, null, "", 0);
    }
}
