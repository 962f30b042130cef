package dev.gantry.node;

import java.time.Instant;
import java.util.Map;

/**
 * A container as the engine reports it. {@code hostPort} is 0 when nothing is published.
 * {@code oomKilled} says the kernel killed a process in it for exceeding its memory limit;
 * {@code finishedAt} is when it last exited, null while it runs or when the engine does not know.
 */
public record RunningContainer(
        String id,
        String name,
        String image,
        Map<String, String> labels,
        boolean running,
        int exitCode,
        Instant startedAt,
        String hostAddress,
        int hostPort,
        boolean oomKilled,
        Instant finishedAt) {

    /** A container with no OOM kill and no finish time recorded. */
    public RunningContainer(String id, String name, String image, Map<String, String> labels, boolean running,
                            int exitCode, Instant startedAt, String hostAddress, int hostPort) {
        this(id, name, image, labels, running, exitCode, startedAt, hostAddress, hostPort, false, null);
    }
}
