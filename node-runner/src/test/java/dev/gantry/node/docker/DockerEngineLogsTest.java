package dev.gantry.node.docker;

import dev.gantry.node.LogLine;
import dev.gantry.node.ResourceLimits;
import dev.gantry.node.RunningContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.Closeable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Following a container's logs against the real engine. */
class DockerEngineLogsTest {

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
    void followsBothStreamsWithTimestampsInOrderUntilTheContainerExits() throws Exception {
        List<LogLine> lines = Collections.synchronizedList(new ArrayList<>());
        RunningContainer c = docker.engine.start(docker.worker("follow", ResourceLimits.DEFAULTS, "sh", "-c",
                "echo out-1; sleep 0.2; echo err-1 >&2; sleep 0.2; printf 'out-2\\t\\033[31mred\\033[0m\\r\\n';"
                        + " sleep 0.5; printf 'last without newline'"));
        Instant started = Instant.now().minusSeconds(1);

        Closeable following = docker.engine.followLogs(c.id(), null, lines::add);

        assertTrue(awaitClosed(following), "following ends when the container exits");
        assertEquals(List.of("stdout out-1", "stderr err-1", "stdout out-2\tred", "stdout last without newline"),
                lines.stream().map(l -> l.stream() + " " + l.text()).toList());
        for (int i = 0; i < lines.size(); i++) {
            assertTrue(lines.get(i).time().isAfter(started), lines.get(i)::toString);
            if (i > 0) {
                assertTrue(lines.get(i).time().isAfter(lines.get(i - 1).time()), lines::toString);
            }
        }
        following.close(); // again: harmless
    }

    @Test
    void sinceSkipsOlderLinesToTheNanosecond() throws Exception {
        RunningContainer c = docker.engine.start(docker.worker("since", ResourceLimits.DEFAULTS, "sh", "-c",
                "echo old; sleep 0.3; echo new"));
        docker.waitUntilExited(c.id());
        List<LogLine> all = follow(c.id(), null);
        assertEquals(List.of("old", "new"), all.stream().map(LogLine::text).toList());

        // The engine only takes whole seconds; both lines are likely within the same one.
        assertEquals(List.of("new"), texts(follow(c.id(), all.get(0).time().plusNanos(1))));
        assertEquals(List.of("new"), texts(follow(c.id(), all.get(1).time())));
        assertEquals(List.of(), texts(follow(c.id(), all.get(1).time().plusNanos(1))));
    }

    @Test
    void aLineLongerThanTheEnginesEntriesArrivesOnceCutAt4KiB() throws Exception {
        // The engine stores lines over 16 KiB as several entries, each with its own time.
        RunningContainer c = docker.engine.start(docker.worker("long", ResourceLimits.DEFAULTS, "sh", "-c",
                "head -c 40000 /dev/zero | tr '\\0' x; echo; echo next"));
        docker.waitUntilExited(c.id());

        List<LogLine> lines = follow(c.id(), null);

        assertEquals(List.of("x".repeat(4096) + "…", "next"), texts(lines));
    }

    @Test
    void closingTheHandleStopsFollowingARunningContainer() throws Exception {
        List<LogLine> lines = Collections.synchronizedList(new ArrayList<>());
        RunningContainer c = docker.engine.start(docker.worker("close", ResourceLimits.DEFAULTS, "sh", "-c",
                "i=0; while [ $i -lt 300 ]; do echo tick-$i; i=$((i+1)); sleep 0.05; done"));
        Closeable following = docker.engine.followLogs(c.id(), null, lines::add);
        for (int i = 0; i < 100 && lines.size() < 3; i++) {
            Thread.sleep(50);
        }
        assertTrue(lines.size() >= 3, lines::toString);

        following.close();

        assertTrue(awaitClosed(following));
        int seen = lines.size();
        Thread.sleep(300);
        assertEquals(seen, lines.size(), "no line arrives after the handle is closed");
        assertTrue(docker.engine.inspect(c.id()).orElseThrow().running(), "closing the handle leaves the container alone");
        docker.engine.stopAndRemove(c.id(), Duration.ZERO);
    }

    @Test
    void aMissingContainerEndsFollowingAtOnceWithoutAnError() throws Exception {
        List<LogLine> lines = new ArrayList<>();
        Closeable following = docker.engine.followLogs("gantry-test-no-such-container", null, lines::add);

        assertTrue(awaitClosed(following));
        assertEquals(List.of(), lines);
    }

    private static List<LogLine> follow(String id, Instant since) throws InterruptedException {
        List<LogLine> lines = Collections.synchronizedList(new ArrayList<>());
        assertTrue(awaitClosed(docker.engine.followLogs(id, since, lines::add)));
        return lines;
    }

    private static List<String> texts(List<LogLine> lines) {
        return lines.stream().map(LogLine::text).toList();
    }

    private static boolean awaitClosed(Closeable following) throws InterruptedException {
        assertFalse(following == null);
        return ((LogFollower) following).awaitClosed(10, TimeUnit.SECONDS);
    }
}
