package dev.gantry.node;

import java.time.Instant;
import java.util.Map;

/** A container as the engine reports it. {@code hostPort} is 0 when nothing is published. */
public record RunningContainer(
        String id,
        String name,
        String image,
        Map<String, String> labels,
        boolean running,
        int exitCode,
        Instant startedAt,
        String hostAddress,
        int hostPort) {
}
