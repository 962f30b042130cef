package dev.gantry.control.instances;

import dev.gantry.control.logs.AppLogLine;
import dev.gantry.control.logs.AppLogStore;
import dev.gantry.node.InstanceLogs;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.Closeable;
import java.io.IOException;
import java.time.Instant;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Copies what each instance writes into its app's {@link AppLogStore}, tagged with its slot
 * ({@code web.2}). New instances are read from their first line; instances adopted after a
 * restart of the control plane resume after the newest line already stored, so a restart neither
 * repeats nor (beyond a clock tick) loses lines.
 */
@ApplicationScoped
public class InstanceLogCollector {

    private static final Logger LOG = Logger.getLogger(InstanceLogCollector.class);

    private final InstanceLogs logs;
    private final AppLogStore store;
    private final Instant collectingSince = Instant.now();
    private final ConcurrentHashMap<String, Following> following = new ConcurrentHashMap<>();

    InstanceLogCollector(InstanceLogs logs, AppLogStore store) {
        this.logs = logs;
        this.store = store;
    }

    /** Follows every running instance of the app not followed yet, and lets go of those that are gone. */
    public void collect(String app, Collection<AppInstance> instances) {
        Set<String> present = instances.stream().map(AppInstance::id).collect(Collectors.toSet());
        following.entrySet().removeIf(entry -> {
            boolean gone = entry.getValue().app.equals(app) && !present.contains(entry.getKey());
            if (gone) {
                close(entry.getValue().handle);
            }
            return gone;
        });
        for (AppInstance instance : instances) {
            if (instance.running()) {
                following.computeIfAbsent(instance.id(), id -> new Following(app, start(app, instance)));
            }
        }
    }

    private Closeable start(String app, AppInstance instance) {
        Instant startedAt = instance.container().startedAt();
        boolean adopted = startedAt != null && startedAt.isBefore(collectingSince);
        Instant since = adopted ? store.lastTime(app).map(last -> last.plusNanos(1)).orElse(null) : null;
        try {
            return logs.follow(instance.id(), since, line -> store.append(app,
                    new AppLogLine(line.time(), instance.slot(), line.text())));
        } catch (RuntimeException e) {
            LOG.warnf("cannot collect the output of %s: %s", instance.name(), e.getMessage());
            return () -> { };
        }
    }

    @PreDestroy
    void stop() {
        following.values().forEach(entry -> close(entry.handle));
        following.clear();
    }

    private static void close(Closeable handle) {
        try {
            handle.close();
        } catch (IOException e) {
            LOG.debugf("closing a log stream: %s", e.getMessage());
        }
    }

    private record Following(String app, Closeable handle) {
    }
}
