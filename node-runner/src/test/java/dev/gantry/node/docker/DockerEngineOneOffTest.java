package dev.gantry.node.docker;

import dev.gantry.node.ContainerSpec;
import dev.gantry.node.ContainerStartFailedException;
import dev.gantry.node.OneOffAbortedException;
import dev.gantry.node.ResourceLimits;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One-off runs against the real engine: streams, exit codes, and removal however the run ends. */
class DockerEngineOneOffTest {

    private static DockerTestRun docker;
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    @BeforeAll
    static void engine() {
        docker = new DockerTestRun();
    }

    @AfterAll
    static void cleanUp() throws Exception {
        docker.close();
    }

    @Test
    void returnsTheExitCodeWithEachStreamAndRemovesTheContainer() {
        ContainerSpec spec = docker.worker("exit3", ResourceLimits.DEFAULTS, "sh", "-c", "echo out; echo err >&2; exit 3");

        int exitCode = docker.engine.runOneOff(spec, null, stdout, stderr, false);

        assertEquals(3, exitCode);
        assertEquals("out\n", text(stdout));
        assertEquals("err\n", text(stderr));
        assertGone(spec);
    }

    @Test
    void stdinReachesTheCommandAndItsEndClosesTheCommandsStdin() {
        ContainerSpec spec = docker.worker("cat", ResourceLimits.DEFAULTS, "cat");
        InputStream stdin = new ByteArrayInputStream("hello\nworld\n".getBytes(StandardCharsets.UTF_8));

        int exitCode = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> docker.engine.runOneOff(spec, stdin, stdout, stderr, false));

        assertEquals(0, exitCode);
        assertEquals("hello\nworld\n", text(stdout));
        assertGone(spec);
    }

    @Test
    void anEmptyStdinEndsAtOnceAndAStdinThatNeverEndsDoesNotHoldTheRun() throws Exception {
        ContainerSpec cat = docker.worker("cat-empty", ResourceLimits.DEFAULTS, "cat");
        assertEquals(0, assertTimeoutPreemptively(Duration.ofSeconds(20), () -> docker.engine.runOneOff(
                cat, InputStream.nullInputStream(), stdout, stderr, false)));

        ContainerSpec quick = docker.worker("quick", ResourceLimits.DEFAULTS, "sh", "-c", "echo done");
        try (PipedOutputStream client = new PipedOutputStream(); PipedInputStream silent = new PipedInputStream(client)) {
            assertEquals(0, assertTimeoutPreemptively(Duration.ofSeconds(20), () -> docker.engine.runOneOff(
                    quick, silent, stdout, stderr, false)));
        }
        assertEquals("done\n", text(stdout));
        assertGone(cat);
        assertGone(quick);
    }

    @Test
    void withATtyStdoutCarriesEverythingTheTerminalShows() {
        ContainerSpec spec = docker.worker("tty", ResourceLimits.DEFAULTS, "sh", "-c",
                "read line; echo \"got $line\"; [ -t 0 ] && [ -t 1 ] && echo on-a-tty; echo err >&2; exit 4");
        InputStream stdin = new ByteArrayInputStream("hi\n".getBytes(StandardCharsets.UTF_8));

        int exitCode = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> docker.engine.runOneOff(spec, stdin, stdout, stderr, true));

        assertEquals(4, exitCode);
        String terminal = text(stdout);
        assertTrue(terminal.contains("got hi\r\n"), terminal);  // the terminal turns \n into \r\n
        assertTrue(terminal.contains("on-a-tty"), terminal);
        assertTrue(terminal.contains("err"), terminal);
        assertEquals("", text(stderr));
        assertGone(spec);
    }

    @Test
    void theMemoryLimitAppliesToOneOffsToo() {
        ContainerSpec spec = docker.worker("oom", new ResourceLimits(16 * 1024 * 1024, 0, 0),
                "sh", "-c", "x=a; while true; do x=$x$x; done");

        assertEquals(137, docker.engine.runOneOff(spec, null, stdout, stderr, false));
        assertGone(spec);
    }

    @Test
    void aCommandMissingFromTheImageIsAStartFailureNamingIt() {
        ContainerSpec spec = docker.worker("missing", ResourceLimits.DEFAULTS, "/no/such/binary", "arg");

        ContainerStartFailedException e = assertThrows(ContainerStartFailedException.class,
                () -> docker.engine.runOneOff(spec, null, stdout, stderr, false));

        assertTrue(e.getMessage().contains("/no/such/binary was not found in the image " + docker.baseImage), e.getMessage());
        assertGone(spec);
        // The command's own "not found" is an exit code like any other.
        ContainerSpec shell = docker.worker("shell-127", ResourceLimits.DEFAULTS, "sh", "-c", "no-such-command");
        assertEquals(127, docker.engine.runOneOff(shell, null, stdout, stderr, false));
    }

    @Test
    void aMissingImageIsAStartFailure() {
        ContainerSpec spec = new ContainerSpec(docker.containerName("no-image"), "gantry-test-missing:nope",
                java.util.List.of("true"), null, docker.labels, 0, null);

        ContainerStartFailedException e = assertThrows(ContainerStartFailedException.class,
                () -> docker.engine.runOneOff(spec, null, stdout, stderr, false));
        assertTrue(e.getMessage().contains("gantry-test-missing:nope"), e.getMessage());
    }

    @Test
    void anInterruptedCallerGetsTheContainerKilledAndRemoved() throws Exception {
        ContainerSpec spec = docker.worker("interrupted", ResourceLimits.DEFAULTS, "sh", "-c", "echo started; sleep 600");
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicReference<Boolean> stillInterrupted = new AtomicReference<>();
        Thread caller = new Thread(() -> {
            try {
                docker.engine.runOneOff(spec, null, stdout, stderr, false);
            } catch (Throwable t) {
                thrown.set(t);
                stillInterrupted.set(Thread.currentThread().isInterrupted());
            }
        });
        caller.start();
        awaitOutput("started\n");

        caller.interrupt();
        caller.join(10_000);

        assertFalse(caller.isAlive(), "the run did not end within 10 s of the interrupt");
        assertInstanceOf(OneOffAbortedException.class, thrown.get());
        assertTrue(thrown.get().getMessage().contains("interrupted"), thrown.get().getMessage());
        assertTrue(stillInterrupted.get(), "the interrupt flag is kept for the caller");
        assertGone(spec);
    }

    @Test
    void aClientThatHangsUpGetsTheContainerKilledAndRemoved() {
        ContainerSpec spec = docker.worker("hangup", ResourceLimits.DEFAULTS, "sh", "-c", "echo hi; sleep 600");
        OutputStream gone = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("client disconnected");
            }
        };

        OneOffAbortedException e = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThrows(
                OneOffAbortedException.class, () -> docker.engine.runOneOff(spec, null, gone, stderr, false)));

        assertTrue(e.getMessage().contains("client disconnected"), e.getMessage());
        assertGone(spec);
    }

    @Test
    void aFailingStdinGetsTheContainerKilledAndRemoved() {
        ContainerSpec spec = docker.worker("stdin-fails", ResourceLimits.DEFAULTS, "sh", "-c", "cat; sleep 600");
        InputStream failing = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("channel closed");
            }
        };

        OneOffAbortedException e = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThrows(
                OneOffAbortedException.class, () -> docker.engine.runOneOff(spec, failing, stdout, stderr, false)));

        assertTrue(e.getMessage().contains("channel closed"), e.getMessage());
        assertGone(spec);
    }

    private void awaitOutput(String expected) throws InterruptedException {
        for (int i = 0; i < 100 && !text(stdout).equals(expected); i++) {
            Thread.sleep(100);
        }
        assertEquals(expected, text(stdout));
    }

    private static void assertGone(ContainerSpec spec) {
        assertTrue(docker.engine.inspect(spec.name()).isEmpty(), spec.name() + " was left behind");
    }

    private static String text(ByteArrayOutputStream out) {
        synchronized (out) {
            return out.toString(StandardCharsets.UTF_8);
        }
    }
}
