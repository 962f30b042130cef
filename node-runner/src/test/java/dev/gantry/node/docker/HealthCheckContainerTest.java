package dev.gantry.node.docker;

import dev.gantry.node.HealthCheck;
import dev.gantry.node.HealthCheckFailedException;
import dev.gantry.node.RunningContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The health check against real containers reached through their published loopback port. */
class HealthCheckContainerTest {

    private static DockerTestRun docker;
    private static String webImage;

    @BeforeAll
    static void buildWebImage() {
        docker = new DockerTestRun();
        webImage = docker.build("health", docker.onBase("""
                RUN mkdir /www && echo ok > /www/index.html
                CMD httpd -f -p $PORT -h /www
                """), line -> { }).tag();
    }

    @AfterAll
    static void cleanUp() throws Exception {
        docker.close();
    }

    @Test
    void aServingContainerIsHealthy() {
        RunningContainer web = docker.engine.start(docker.spec("healthy", webImage, List.of(), 5000));
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> check(web)
                .waitUntilHealthy(Duration.ofSeconds(15), Duration.ofMillis(100), stillRunning(web)));
    }

    @Test
    void aContainerThatExitsFailsFast() {
        RunningContainer dying = docker.engine.start(docker.spec("dies", webImage, List.of("sh", "-c", "sleep 1; exit 3"), 5000));
        HealthCheckFailedException e = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThrows(
                HealthCheckFailedException.class,
                () -> check(dying).waitUntilHealthy(Duration.ofMinutes(5), Duration.ofMillis(200), stillRunning(dying))));
        assertTrue(e.getMessage().contains("failed: the container exited (last seen: "), e.getMessage());
    }

    @Test
    void aContainerThatNeverListensTimesOut() {
        RunningContainer silent = docker.engine.start(docker.spec("silent", webImage, List.of("sleep", "600"), 5000));
        HealthCheckFailedException e = assertThrows(HealthCheckFailedException.class,
                () -> check(silent).waitUntilHealthy(Duration.ofSeconds(2), Duration.ofMillis(200), stillRunning(silent)));
        assertTrue(e.getMessage().contains("failed: no healthy answer within 2s (last seen: "), e.getMessage());
    }

    private static HealthCheck check(RunningContainer c) {
        return HealthCheck.http(c.hostAddress(), c.hostPort(), "/", Duration.ofSeconds(1));
    }

    private static BooleanSupplier stillRunning(RunningContainer c) {
        return () -> docker.engine.inspect(c.id()).map(RunningContainer::running).orElse(false);
    }
}
