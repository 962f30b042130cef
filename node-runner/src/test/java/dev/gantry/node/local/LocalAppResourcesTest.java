package dev.gantry.node.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gantry.node.NetworkAttachment;
import dev.gantry.node.NodeLabels;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocalAppResourcesTest {

    private static final NetworkAttachment SHOP = new NetworkAttachment("gantry-app-shop", List.of("shopdb"),
            "gantry-cluster-shop");

    @Test
    void aVolumeIsLabelledAsItsAppsSoDiskUsageCountsItThere() {
        RecordingEngine recording = new RecordingEngine();

        new LocalAppResources(recording.engine(), () -> false).createVolume("shop", "gantry-shop-data");

        assertEquals(List.of("createVolume[gantry-shop-data, {" + NodeLabels.APP + "=shop}]"), recording.calls);
    }

    @Test
    void onOneHostAServiceJoinsTheAppsBridgeAlone() {
        RecordingEngine recording = new RecordingEngine();
        LocalAppResources resources = new LocalAppResources(recording.engine(), () -> false);

        resources.connect(SHOP, "db1");
        resources.disconnect(SHOP, "db1");

        assertEquals(List.of("connectNetwork[gantry-app-shop, db1, [shopdb]]", "disconnectNetwork[gantry-app-shop, db1]"),
                recording.calls);
    }

    @Test
    void onAClusterAServiceJoinsTheAppsOverlayTooUnderTheSameName() {
        RecordingEngine recording = new RecordingEngine();
        LocalAppResources resources = new LocalAppResources(recording.engine(), () -> true);

        resources.connect(SHOP, "db1");
        resources.disconnect(SHOP, "db1");

        assertEquals(List.of("connectNetwork[gantry-app-shop, db1, [shopdb]]", "connectOverlay[gantry-cluster-shop, db1, [shopdb]]",
                "disconnectNetwork[gantry-app-shop, db1]", "disconnectNetwork[gantry-cluster-shop, db1]"), recording.calls);
    }
}
