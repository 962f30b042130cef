package dev.gantry.node.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gantry.node.NodeLabels;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocalAppResourcesTest {

    @Test
    void aVolumeIsLabelledAsItsAppsSoDiskUsageCountsItThere() {
        RecordingEngine recording = new RecordingEngine();

        new LocalAppResources(recording.engine()).createVolume("shop", "gantry-shop-data");

        assertEquals(List.of("createVolume[gantry-shop-data, {" + NodeLabels.APP + "=shop}]"), recording.calls);
    }
}
