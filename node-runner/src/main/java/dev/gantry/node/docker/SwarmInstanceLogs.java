package dev.gantry.node.docker;

import com.github.dockerjava.api.exception.DockerException;
import dev.gantry.node.InstanceLogs;
import dev.gantry.node.LogLine;
import java.io.Closeable;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * {@link InstanceLogs} of a host that may manage a cluster. An instance placed on the cluster
 * ({@link SwarmRunner}: a service, named by its id) is read through the manager's service logs, which
 * every host streams its tasks' output to: nothing of Gantry's runs on the other hosts, and their
 * engines' APIs stay closed. Anything else, the containers of this host's own runner and backing
 * services, is read from this host's engine exactly as on one host; a host that never forms a cluster
 * never asks Swarm anything.
 */
public final class SwarmInstanceLogs implements InstanceLogs {

    private final DockerEngine engine;
    private final InstanceLogs host;
    private final BooleanSupplier clustered;

    /** {@code clustered}: whether this host manages a cluster now, asked at every call. */
    public SwarmInstanceLogs(DockerEngine engine, InstanceLogs host, BooleanSupplier clustered) {
        this.engine = engine;
        this.host = host;
        this.clustered = clustered;
    }

    /**
     * A service's log stream may stay open after its one task ended (Swarm waits for tasks to come, which
     * Gantry never lets it start), so it may end only when the handle is closed: the log collector closes
     * it once the instance is no longer listed.
     */
    @Override
    public Closeable follow(String instance, Instant since, Consumer<LogLine> sink) {
        if (!isService(instance)) {
            return host.follow(instance, since, sink);
        }
        return engine.call(() -> new LogFollower(LogRequest.service(engine.client(), instance), since, sink).start());
    }

    @Override
    public String last(String instance, int lines) {
        return isService(instance) ? engine.tail(LogRequest.service(engine.client(), instance), lines)
                : host.last(instance, lines);
    }

    /** Swarm's services are named by ids of their own: a container's id or name is none of them. */
    private boolean isService(String instance) {
        if (!clustered.getAsBoolean()) {
            return false;
        }
        try {
            engine.api().get("/services/" + instance);
            return true;
        } catch (DockerException notAService) {
            return false;
        }
    }
}
