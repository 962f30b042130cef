package dev.gantry.node.docker;

import com.github.dockerjava.api.model.HostConfig;
import dev.gantry.node.ContainerUsage;
import dev.gantry.node.ResourceLimits;
import dev.gantry.node.RunningContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Resource limits, containers that publish nothing, and how an OOM kill is reported. */
class DockerEngineLimitsTest {

    private static final long MIB = 1024 * 1024;
    private static DockerTestRun docker;

    @BeforeAll
    static void engine() {
        docker = new DockerTestRun();
    }

    @AfterAll
    static void cleanUp() throws Exception {
        docker.close();
    }

    @Test
    void limitsAreAppliedAndAWorkerPublishesNothing() {
        RunningContainer worker = docker.engine.start(docker.worker("limits",
                new ResourceLimits(64 * MIB, 0.5, 100), "sleep", "600"));

        assertTrue(worker.running());
        assertEquals(0, worker.hostPort());
        assertNull(worker.hostAddress());
        HostConfig host = docker.engine.client().inspectContainerCmd(worker.id()).exec().getHostConfig();
        assertEquals(64 * MIB, host.getMemory());
        assertEquals(64 * MIB, host.getMemorySwap(), "swap equal to memory: no swap at all");
        assertEquals(500_000_000L, host.getNanoCPUs());
        assertEquals(100L, host.getPidsLimit());
        assertTrue(host.getPortBindings() == null || host.getPortBindings().getBindings().isEmpty(),
                () -> String.valueOf(host.getPortBindings()));
        // The hardening and the bounded logs stay whatever the limits.
        assertTrue(host.getInit());
        assertEquals("json-file", host.getLogConfig().getType().getType());
        assertEquals(Map.of("max-size", "10m", "max-file", "3"), host.getLogConfig().getConfig());
        docker.engine.stopAndRemove(worker.id(), Duration.ZERO);
    }

    @Test
    void usageIsReadAtOnceWhileItRunsAndNotOnceItIsGone() {
        // About 8 MiB of a shell variable, and the CPU time it took to make it. The echo after the sleep
        // keeps the shell (and x) alive: busybox's sh would exec a last command in the shell's place.
        RunningContainer worker = docker.engine.start(docker.worker("usage", ResourceLimits.DEFAULTS,
                "sh", "-c", "x=$(yes aaaaaaa | head -c 8388608); sleep 600; echo ${#x}"));
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        ContainerUsage usage = docker.engine.usage(worker.id()).orElseThrow();
        while (usage.memoryBytes() < 8 * MIB && System.nanoTime() < deadline) {
            usage = docker.engine.usage(worker.id()).orElseThrow();
        }

        assertTrue(usage.memoryBytes() >= 8 * MIB && usage.memoryBytes() < 64 * MIB, usage::toString);
        assertTrue(usage.cpuNanos() > 0, usage::toString);
        docker.engine.stopAndRemove(worker.id(), Duration.ZERO);
        assertEquals(Optional.empty(), docker.engine.usage(worker.id()));
    }

    @Test
    void defaultLimitsLeaveMemoryAndCpuToTheEngineAndKeepThePidsLimit() {
        RunningContainer worker = docker.engine.start(docker.worker("defaults", ResourceLimits.DEFAULTS, "sleep", "600"));

        HostConfig host = docker.engine.client().inspectContainerCmd(worker.id()).exec().getHostConfig();
        assertEquals(0L, host.getMemory());
        assertEquals(0L, host.getNanoCPUs());
        assertEquals((long) ResourceLimits.DEFAULT_PIDS, host.getPidsLimit());
        docker.engine.stopAndRemove(worker.id(), Duration.ZERO);
    }

    @Test
    void aContainerOverItsMemoryLimitIsReportedAsOomKilled() throws Exception {
        // The shell doubles a string until it crosses 16 MiB; without swap the kernel kills it at once.
        RunningContainer hungry = docker.engine.start(docker.worker("oom", new ResourceLimits(16 * MIB, 0, 0),
                "sh", "-c", "x=a; while true; do x=$x$x; done"));

        RunningContainer exited = docker.waitUntilExited(hungry.id());

        assertTrue(exited.oomKilled(), exited::toString);
        assertEquals(137, exited.exitCode());
        assertNotNull(exited.finishedAt());
        assertFalse(exited.finishedAt().isBefore(exited.startedAt()), exited::toString);
        docker.engine.stopAndRemove(hungry.id(), Duration.ZERO);
    }
}
