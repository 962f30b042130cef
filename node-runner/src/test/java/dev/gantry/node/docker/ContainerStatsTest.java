package dev.gantry.node.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gantry.node.ContainerUsage;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ContainerStatsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void memoryLeavesOutTheDroppableCacheOnCgroupV2AndV1() throws Exception {
        assertEquals(Optional.of(new ContainerUsage(7_000_000, 123_456_789)), ContainerStats.usage(JSON.readTree(
                "{\"memory_stats\":{\"usage\":10000000,\"stats\":{\"inactive_file\":3000000}},"
                        + "\"cpu_stats\":{\"cpu_usage\":{\"total_usage\":123456789}}}")));
        assertEquals(Optional.of(new ContainerUsage(9_000_000, 5)), ContainerStats.usage(JSON.readTree(
                "{\"memory_stats\":{\"usage\":10000000,\"stats\":{\"total_inactive_file\":1000000}},"
                        + "\"cpu_stats\":{\"cpu_usage\":{\"total_usage\":5}}}")));
    }

    @Test
    void aContainerThatIsNotRunningHasNoReading() throws Exception {
        assertEquals(Optional.empty(), ContainerStats.usage(JSON.readTree(
                "{\"memory_stats\":{},\"cpu_stats\":{\"cpu_usage\":{\"total_usage\":0}}}")));
    }
}
