package dev.gantry.node;

import java.time.Instant;
import java.util.Map;

/**
 * A container as the engine reports it. {@code hostPort} is 0 when nothing is published.
 * {@code oomKilled} says the kernel killed a process in it for exceeding its memory limit;
 * {@code finishedAt} is when it last exited, null while it runs or when the engine does not know;
 * {@code health} is what the image's own check (a Dockerfile's HEALTHCHECK, run by the engine inside
 * the container) says now.
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
        Instant finishedAt,
        Health health) {

    /**
     * The verdict of the image's own health check: {@code NONE} when the image declares none, {@code STARTING}
     * until its first verdict, {@code UNHEALTHY} after the check failed as many times in a row as it allows.
     */
    public enum Health { NONE, STARTING, HEALTHY, UNHEALTHY }

    public RunningContainer {
        health = health == null ? Health.NONE : health;
    }

    /** A container whose image declares no health check. */
    public RunningContainer(String id, String name, String image, Map<String, String> labels, boolean running,
                            int exitCode, Instant startedAt, String hostAddress, int hostPort, boolean oomKilled,
                            Instant finishedAt) {
        this(id, name, image, labels, running, exitCode, startedAt, hostAddress, hostPort, oomKilled, finishedAt,
                Health.NONE);
    }

    /** A container with no OOM kill and no finish time recorded. */
    public RunningContainer(String id, String name, String image, Map<String, String> labels, boolean running,
                            int exitCode, Instant startedAt, String hostAddress, int hostPort) {
        this(id, name, image, labels, running, exitCode, startedAt, hostAddress, hostPort, false, null);
    }
}
