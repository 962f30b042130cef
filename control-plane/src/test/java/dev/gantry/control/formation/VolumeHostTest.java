package dev.gantry.control.formation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The line ps:scale prints for a type whose volume holds it to the manager. */
class VolumeHostTest {

    @Test
    void namesTheVolumesTheHostAndHowManyInstancesStayThere() {
        assertEquals("web mounts data, uploads, which lives on gtc-h1, the cluster's manager: all 4 of its instances run"
                + " there (storage:unmount lets them spread over the hosts)",
                VolumeHost.note("web", 4, List.of("data", "uploads"), "gtc-h1"));
    }

    @Test
    void oneInstanceIsNotCalledAll() {
        assertEquals("worker mounts data, which lives on gtc-h1, the cluster's manager: its instance runs there"
                + " (storage:unmount lets them spread over the hosts)", VolumeHost.note("worker", 1, List.of("data"), "gtc-h1"));
    }
}
