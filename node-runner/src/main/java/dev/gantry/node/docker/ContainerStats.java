package dev.gantry.node.docker;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gantry.node.ContainerUsage;
import java.util.Optional;

/** Reads the engine's {@code GET /containers/{id}/stats} answer into a {@link ContainerUsage}. */
final class ContainerStats {

    private ContainerStats() {
    }

    /** Empty when the answer has no memory reading: the container is not running. */
    static Optional<ContainerUsage> usage(JsonNode stats) {
        JsonNode memory = stats.path("memory_stats");
        if (!memory.has("usage")) {
            return Optional.empty();
        }
        // As docker stats counts it: the page cache the kernel may drop is not the app's (cgroup v2
        // names it inactive_file, v1 total_inactive_file).
        JsonNode counters = memory.path("stats");
        long cache = counters.has("inactive_file") ? counters.path("inactive_file").asLong()
                : counters.path("total_inactive_file").asLong();
        long used = Math.max(0, memory.path("usage").asLong() - cache);
        return Optional.of(new ContainerUsage(used, stats.path("cpu_stats").path("cpu_usage").path("total_usage").asLong()));
    }
}
