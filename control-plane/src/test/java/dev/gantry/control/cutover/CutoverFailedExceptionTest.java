package dev.gantry.control.cutover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gantry.node.ContainerStartFailedException;
import dev.gantry.node.ImagePullFailedException;
import org.junit.jupiter.api.Test;

/** How a rollout that could not start an instance is told: whose fault it was decides the words. */
class CutoverFailedExceptionTest {

    @Test
    void aHostThatCouldNotPullIsNoFaultOfTheApps() {
        CutoverFailedException failed = new CutoverFailedException(new Slot("web", 1), null,
                new ImagePullFailedException("host-2", "10.0.0.11:5000", "host-2 (10.0.0.12) could not pull IMG from the registry"
                        + " at 10.0.0.11:5000"), "");

        assertEquals("web.1 of v4 could not be started: host-2 (10.0.0.12) could not pull IMG from the registry at 10.0.0.11:5000",
                failed.describe("v4"));
        assertTrue(failed.imageNotPulled().isPresent());
    }

    @Test
    void anInstanceThatDidNotStartIsTheApps() {
        CutoverFailedException failed = new CutoverFailedException(new Slot("web", 1), null,
                new ContainerStartFailedException("exec: \"serve\": executable file not found", null), "");

        assertEquals("web.1 of v4 did not become healthy: exec: \"serve\": executable file not found", failed.describe("v4"));
        assertTrue(failed.imageNotPulled().isEmpty());
    }
}
