package dev.gantry.control.cluster;

import dev.gantry.control.ConflictException;
import dev.gantry.node.RegistryLogin;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Keeps the cluster's registry running on the manager: a {@code docker-registry} process that Gantry
 * starts in a session of its own, so that it outlives a restart of the control plane (which adopts it by
 * its pid file), and starts again whenever it has stopped; after a start that did not last a minute it
 * waits longer each time (2 s, doubling, at most 5 minutes). Nothing runs before {@code cluster:init} has
 * set the registry up. {@code ./gantry down} stops it.
 */
@ApplicationScoped
public class RegistrySupervisor {

    private static final Logger LOG = Logger.getLogger(RegistrySupervisor.class);
    static final String BINARY = "docker-registry";
    private static final Duration CHECK_PERIOD = Duration.ofSeconds(2);
    private static final Duration READY_WITHIN = Duration.ofSeconds(30);
    private static final Duration LASTING = Duration.ofMinutes(1);
    private static final Duration LONGEST_WAIT = Duration.ofMinutes(5);
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private final ClusterRegistry registry;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "registry-supervisor");
        thread.setDaemon(true);
        return thread;
    });
    /** When the process we know of started (or was adopted); null while none is known to run. */
    private Instant runningSince;
    private int shortRuns;
    private Instant nextStart = Instant.EPOCH;

    RegistrySupervisor(ClusterRegistry registry) {
        this.registry = registry;
    }

    /** From Gantry's start on: adopts the registry a previous Gantry started, or starts it. */
    public void start() {
        ticker.scheduleWithFixedDelay(this::check, 0, CHECK_PERIOD.toMillis(), TimeUnit.MILLISECONDS);
    }

    private synchronized void check() {
        try {
            if (registry.login().isEmpty()) {
                return;
            }
            Instant now = Instant.now();
            if (running().isPresent()) {
                runningSince = runningSince == null ? now : runningSince;
                return;
            }
            if (runningSince != null) {
                shortRuns = Duration.between(runningSince, now).compareTo(LASTING) < 0 ? shortRuns + 1 : 0;
                nextStart = now.plus(waitAfter(shortRuns));
                runningSince = null;
                LOG.warnf("the registry stopped; starting it again%s. Its last words: %s",
                        shortRuns == 0 ? "" : " in " + waitAfter(shortRuns).toSeconds() + " s", lastLines());
            }
            if (!now.isBefore(nextStart)) {
                launch();
            }
        } catch (RuntimeException e) {
            LOG.warnf("could not keep the registry running: %s", e.getMessage());
        }
    }

    static Duration waitAfter(int shortRuns) {
        if (shortRuns == 0) {
            return Duration.ZERO;
        }
        Duration wait = CHECK_PERIOD.multipliedBy(1L << Math.min(shortRuns - 1, 16));
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }

    /**
     * Starts the registry anew (it reads its certificate, credentials and config only when it starts) and
     * waits until it answers over TLS, refusing anonymous requests.
     *
     * @throws ConflictException when it does not, with the registry's last words
     */
    public synchronized void restart(RegistryLogin login, String caCertificate) {
        running().ifPresent(RegistrySupervisor::stop);
        shortRuns = 0;
        Process started = launch();
        RegistryProbe probe = new RegistryProbe(login, caCertificate);
        Instant deadline = Instant.now().plus(READY_WITHIN);
        String lastProblem = "no answer";
        while (Instant.now().isBefore(deadline)) {
            // The process just started, not running(): until setsid has become the registry, the pid's
            // command is still setsid's, which running() takes for another program.
            if (!started.isAlive()) {
                throw new ConflictException("the registry stopped right after it started: " + lastLines()
                        + ". Fix that, then run ./gantry cluster:init again (full log: " + registry.logFile() + ")");
            }
            try {
                int status = probe.anonymousStatus();
                if (status == 401) {
                    return;
                }
                lastProblem = "an anonymous request got " + status + " instead of 401";
            } catch (IOException e) {
                lastProblem = String.valueOf(e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ConflictException("interrupted while waiting for the registry to answer");
            }
            sleep(Duration.ofMillis(200));
        }
        throw new ConflictException("the registry did not answer at https://" + login.address() + " within "
                + READY_WITHIN.toSeconds() + " s (" + lastProblem + "). Its last words: " + lastLines()
                + " (full log: " + registry.logFile() + ")");
    }

    private Process launch() {
        try {
            Process process = new ProcessBuilder("setsid", binary().toString(), "serve", registry.configFile().toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(registry.logFile().toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
            // setsid runs in place (the JVM's child leads no process group): this is the registry's own pid.
            Files.writeString(registry.pidFile(), process.pid() + "\n", StandardCharsets.US_ASCII);
            runningSince = Instant.now();
            LOG.infof("registry started (pid %d), config %s", process.pid(), registry.configFile());
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the registry: " + e.getMessage(), e);
        }
    }

    static Path binary() {
        return Stream.of(System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator))
                .map(dir -> Path.of(dir, BINARY)).filter(Files::isExecutable).findFirst()
                .orElseThrow(() -> new ConflictException(BINARY + " is not installed on this host. Run ./gantry"
                        + " cluster:init as root on the Gantry host: it installs Debian's docker-registry package"));
    }

    /** The registry process, if the pid file names one that runs. */
    private Optional<ProcessHandle> running() {
        try {
            long pid = Long.parseLong(Files.readString(registry.pidFile(), StandardCharsets.US_ASCII).strip());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(process -> process.info().command().map(command -> command.endsWith(BINARY)).orElse(false));
        } catch (IOException | NumberFormatException none) {
            return Optional.empty();
        }
    }

    private static void stop(ProcessHandle process) {
        process.destroy();
        try {
            process.onExit().get(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception stillRunning) {
            process.destroyForcibly();
        }
    }

    private String lastLines() {
        try {
            List<String> lines = Files.readAllLines(registry.logFile(), StandardCharsets.UTF_8);
            return lines.isEmpty() ? "(none)" : String.join(" / ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
        } catch (IOException e) {
            return "(no log at " + registry.logFile() + ")";
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @PreDestroy
    void close() {
        // Only the supervision stops: the registry serves on while the control plane restarts.
        ticker.shutdownNow();
    }
}
