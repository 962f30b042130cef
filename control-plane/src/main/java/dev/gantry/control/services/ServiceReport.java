package dev.gantry.control.services;

import dev.gantry.node.DiskUsage;
import dev.gantry.node.NodeReport;
import dev.gantry.node.RunningContainer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What {@code services} and {@code services:info} show: each service's rows with its state as the
 * node reports it now, the size of its data, its newest backup, and its URL, whose password shows only
 * when asked.
 */
@ApplicationScoped
public class ServiceReport {

    static final String HIDDEN = "********";
    static final long SIZES_MAX_AGE_SECONDS = 30;

    private final ServiceCatalog catalog;
    private final ServiceInstances instances;
    private final NodeReport node;
    private final ServiceBackups backups;
    private volatile Sizes sizes;

    ServiceReport(ServiceCatalog catalog, ServiceInstances instances, NodeReport node, ServiceBackups backups) {
        this.catalog = catalog;
        this.instances = instances;
        this.node = node;
        this.backups = backups;
    }

    /**
     * @param state {@code running}, {@code starting}, {@code unhealthy}, {@code exited (code N)} or {@code stopped}
     * @param dataBytes what its volume holds; -1 when the node could not say
     */
    public record ServiceInfo(ServiceCatalog.ServiceView service, String state, Optional<Instant> since,
            long dataBytes, String url, Optional<ServiceBackups.Backup> lastBackup) {
    }

    public List<ServiceCatalog.ServiceView> list(String user) {
        return catalog.visibleTo(user);
    }

    public ServiceInfo info(String name, String user, boolean reveal) {
        ServiceCatalog.ServiceView view = catalog.view(name, user);
        ServiceSpec spec = catalog.spec(name, user);
        Optional<RunningContainer> newest = instances.all(name).stream().findFirst();
        ServiceKind.ServiceAddress address = spec.address();
        ServiceKind.ServiceAddress shown = reveal ? address
                : new ServiceKind.ServiceAddress(address.host(), address.user(), address.database(), HIDDEN);
        String url = spec.kind().linkVars(spec.kind().defaultAlias(), shown).get(spec.kind().defaultAlias() + "_URL");
        return new ServiceInfo(view, state(newest), newest.map(RunningContainer::startedAt), dataBytes(name), url,
                backups.list(name, user).stream().findFirst());
    }

    /** The state of a service's newest instance, in the words {@code services} shows. */
    public String state(String name) {
        return state(instances.all(name).stream().findFirst());
    }

    private static String state(Optional<RunningContainer> newest) {
        if (newest.isEmpty()) {
            return "stopped";
        }
        RunningContainer container = newest.get();
        if (!container.running()) {
            return "exited (code " + container.exitCode() + ")";
        }
        return switch (container.health()) {
            case STARTING -> "starting";
            case UNHEALTHY -> "unhealthy";
            default -> "running";
        };
    }

    /**
     * From the node's disk report, read at most every {@value #SIZES_MAX_AGE_SECONDS} s: the engine adds up
     * every image and volume for it, and a service page refreshes every 2 s.
     */
    private long dataBytes(String name) {
        Sizes current = sizes;
        if (current == null || current.at().isBefore(Instant.now().minusSeconds(SIZES_MAX_AGE_SECONDS))) {
            try {
                current = new Sizes(Instant.now(), node.diskUsage().volumes().stream()
                        .collect(Collectors.toMap(DiskUsage.Item::id, DiskUsage.Item::bytes, (a, b) -> a)));
                sizes = current;
            } catch (RuntimeException unavailable) {
                return -1;
            }
        }
        return current.bytes().getOrDefault(ServiceNames.volume(name), -1L);
    }

    private record Sizes(Instant at, Map<String, Long> bytes) {
    }
}
