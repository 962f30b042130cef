package dev.gantry.node.docker;

import com.github.dockerjava.api.command.WaitContainerResultCallback;
import com.github.dockerjava.api.exception.DockerException;
import dev.gantry.node.ContainerSpec;
import dev.gantry.node.ContainerStartFailedException;
import dev.gantry.node.OneOffAbortedException;
import org.jboss.logging.Logger;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One one-off run: create the container attached, start it, relay its streams until it exits, and
 * remove it however that ends. Engine calls go over a socket channel, which an interrupt closes, so
 * the interrupt flag is held back while cleaning up and restored afterwards.
 */
final class OneOffRun {

    private static final Logger LOG = Logger.getLogger(OneOffRun.class);
    /** A one-off whose caller went away gets this long to exit on SIGTERM before SIGKILL. */
    static final Duration KILL_GRACE = Duration.ofSeconds(1);
    private static final Duration ATTACH_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration EXIT_STATUS_TIMEOUT = Duration.ofSeconds(30);
    /** The engine's init (tini) starts first, so a missing command is its complaint and exit 127, not a refused start. */
    private static final Pattern INIT_EXEC_FAILED = Pattern.compile("\\[FATAL tini \\(\\d+\\)\\] exec (.+) failed: (.+)");

    private final DockerEngine engine;
    private final ContainerSpec spec;
    private final List<String> alsoOn;

    OneOffRun(DockerEngine engine, ContainerSpec spec) {
        this(engine, spec, List.of());
    }

    /** {@code alsoOn}: networks the run joins besides its spec's, before it starts. */
    OneOffRun(DockerEngine engine, ContainerSpec spec, List<String> alsoOn) {
        this.engine = engine;
        this.spec = spec;
        this.alsoOn = List.copyOf(alsoOn);
    }

    int run(InputStream stdin, OutputStream stdout, OutputStream stderr, boolean tty) {
        String id = create(stdin != null, tty);
        OneOffStreams streams = new OneOffStreams(stdout, stderr);
        OneOffInput input = stdin == null ? null : new OneOffInput(stdin, !tty, streams);
        boolean interrupted = false;
        try {
            return attachStartAndWait(id, streams, input);
        } catch (InterruptedException e) {
            interrupted = true;
            throw interruptedAbort(e);
        } catch (RuntimeException e) {
            // An engine call cut short by the interrupt fails with whatever the transport makes of it.
            throw Thread.currentThread().isInterrupted() && !(e instanceof OneOffAbortedException) ? interruptedAbort(e) : e;
        } finally {
            interrupted |= Thread.interrupted();
            if (input != null) {
                input.finish();
            }
            streams.end();
            remove(id);
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private OneOffAbortedException interruptedAbort(Exception cause) {
        return new OneOffAbortedException("one-off " + spec.name() + " was stopped and removed: the caller was interrupted", cause);
    }

    private String create(boolean withStdin, boolean tty) {
        try {
            return engine.create(spec, create -> create
                    .withTty(tty)
                    .withAttachStdout(true)
                    .withAttachStderr(true)
                    .withAttachStdin(withStdin)
                    .withStdinOpen(withStdin)
                    .withStdInOnce(withStdin)); // the container's stdin closes when the caller's ends
        } catch (RuntimeException e) {
            if (Thread.interrupted()) {
                // The interrupt cut the create call short; the container may exist all the same.
                engine.inspect(spec.name()).ifPresent(c -> remove(c.id()));
                Thread.currentThread().interrupt();
                throw new OneOffAbortedException("one-off " + spec.name() + " was not started: the caller was interrupted", e);
            }
            throw e;
        }
    }

    private int attachStartAndWait(String id, OneOffStreams streams, OneOffInput input) throws InterruptedException {
        // Attach before the start, so not a byte of early output is lost.
        engine.client().attachContainerCmd(id).withStdOut(true).withStdErr(true).withFollowStream(true).exec(streams);
        boolean attached = streams.awaitAttached(ATTACH_TIMEOUT);
        if (input != null) {
            engine.client().attachContainerCmd(id).withStdIn(input.stream()).withFollowStream(true).exec(input);
            attached &= input.awaitAttached(ATTACH_TIMEOUT);
        }
        failIfCutShort(streams, "before it started");
        for (String network : alsoOn) {
            engine.call(() -> {
                AppNetworks.connect(engine.client(), network, id, List.of());
                return null;
            });
        }
        if (!attached) {
            throw new ContainerStartFailedException("one-off " + spec.name() + " could not be attached to within "
                    + ATTACH_TIMEOUT.toSeconds() + "s", null);
        }
        start(id);
        streams.awaitEnded();
        failIfCutShort(streams, "while it ran");
        int exitCode = exitCode(id);
        if (exitCode == 126 || exitCode == 127) {
            failIfTheCommandCouldNotRun(id);
        }
        return exitCode;
    }

    private void start(String id) {
        try {
            engine.client().startContainerCmd(id).exec();
        } catch (DockerException e) {
            String said = EngineFailures.engineMessage(e);
            String lower = said.toLowerCase(Locale.ROOT);
            if (lower.contains("executable file not found") || lower.contains("no such file or directory")) {
                throw new ContainerStartFailedException("one-off " + spec.name() + " could not start: "
                        + commandName() + " was not found in the image " + spec.image() + " (" + said + ")", e);
            }
            throw new ContainerStartFailedException("one-off " + spec.name() + " could not start: " + said, e);
        } catch (RuntimeException e) {
            throw EngineFailures.translate(e, engine.dockerHost());
        }
    }

    private void failIfCutShort(OneOffStreams streams, String when) {
        if (streams.callerFailure() != null) {
            throw new OneOffAbortedException("one-off " + spec.name() + " was stopped and removed " + when
                    + ": its input or output failed (" + streams.callerFailure().getMessage() + ")", streams.callerFailure());
        }
        Throwable engineFailure = streams.engineFailure();
        if (engineFailure instanceof RuntimeException e) {
            throw EngineFailures.translate(e, engine.dockerHost());
        }
        if (engineFailure != null) {
            throw new IllegalStateException("the engine's stream of one-off " + spec.name() + " failed " + when, engineFailure);
        }
    }

    private int exitCode(String id) throws InterruptedException {
        WaitContainerResultCallback wait = engine.client().waitContainerCmd(id).exec(new WaitContainerResultCallback());
        if (!wait.awaitCompletion(EXIT_STATUS_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("one-off " + spec.name() + " closed its output but did not exit within "
                    + EXIT_STATUS_TIMEOUT.toSeconds() + "s");
        }
        return wait.awaitStatusCode();
    }

    /** Exit 126/127 is either the command's own answer or the init's report that it could not exec it. */
    private void failIfTheCommandCouldNotRun(String id) {
        String output = engine.tail(id, 2);
        Matcher initSaid = INIT_EXEC_FAILED.matcher(output);
        if (output.contains("\n") || !initSaid.matches()) {
            return;
        }
        String what = initSaid.group(2).contains("No such file") ? "was not found in the image " + spec.image()
                : "could not be run in the image " + spec.image();
        throw new ContainerStartFailedException("one-off " + spec.name() + " could not start: the command "
                + initSaid.group(1) + " " + what + " (exec failed: " + initSaid.group(2) + ")", null);
    }

    private String commandName() {
        return spec.command().isEmpty() ? "the image's command" : "the command " + spec.command().get(0);
    }

    private void remove(String id) {
        try {
            engine.stopAndRemove(id, KILL_GRACE);
        } catch (RuntimeException e) {
            LOG.warnf(e, "could not remove one-off container %s (%s)", spec.name(), id);
        }
    }
}
