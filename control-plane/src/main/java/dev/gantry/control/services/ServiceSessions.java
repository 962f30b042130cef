package dev.gantry.control.services;

import dev.gantry.node.InstanceLogs;
import dev.gantry.node.LogLine;
import dev.gantry.node.OneOffRuns;
import dev.gantry.node.RunningContainer;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * A person at a service: {@code services:connect} (psql or redis-cli in a one-off run on the service's
 * own network, attached to the caller's terminal) and {@code services:logs} (what the instance writes).
 */
@ApplicationScoped
public class ServiceSessions {

    private static final Logger LOG = Logger.getLogger(ServiceSessions.class);
    static final int LOG_LINES = 100;

    private final ServiceCatalog catalog;
    private final ServiceInstances instances;
    private final OneOffRuns oneOffs;
    private final InstanceLogs logs;

    ServiceSessions(ServiceCatalog catalog, ServiceInstances instances, OneOffRuns oneOffs, InstanceLogs logs) {
        this.catalog = catalog;
        this.instances = instances;
        this.oneOffs = oneOffs;
        this.logs = logs;
    }

    /** Returns the client's exit code. */
    public int connect(String name, String user, InputStream stdin, OutputStream stdout, OutputStream stderr,
            boolean tty) {
        ServiceSpec spec = catalog.spec(name, user);
        if (instances.serving(name).isEmpty()) {
            throw new ServiceFailedException(name + " is not running, so there is nothing to connect to. Wait for the"
                    + " supervisor to start it (services:info " + name + " shows its state)");
        }
        LOG.infof("%s connected to %s", user, name);
        return oneOffs.run(instances.oneOff(spec, "gantry-connect", false), stdin, stdout, stderr, tty);
    }

    /**
     * The newest instance's last {@value #LOG_LINES} lines, then, when following, each new line until the
     * instance stops or {@code stillWanted} says the reader has gone.
     */
    public void logs(String name, String user, boolean follow, Consumer<String> sink, BooleanSupplier stillWanted) {
        catalog.spec(name, user);
        RunningContainer newest = instances.all(name).stream().findFirst().orElseThrow(() -> new ServiceFailedException(
                name + " has no instance now, so it has no output. Wait for the supervisor to start it"));
        Instant shownUntil = Instant.now();
        logs.last(newest.id(), LOG_LINES).lines().forEach(sink);
        if (!follow) {
            return;
        }
        try (Closeable following = logs.follow(newest.id(), shownUntil, (LogLine line) -> sink.accept(line.text()))) {
            while (stillWanted.getAsBoolean() && instances.all(name).stream()
                    .anyMatch(c -> c.id().equals(newest.id()) && c.running())) {
                Thread.sleep(1000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            LOG.debugf("closing the log stream of %s failed: %s", name, e.getMessage());
        }
    }
}
