package dev.gantry.control.services;

import dev.gantry.common.LineSink;
import dev.gantry.control.apps.AppNetwork;
import dev.gantry.node.AppResources;
import dev.gantry.node.ContainerSpec;
import dev.gantry.node.InstanceLogs;
import dev.gantry.node.NetworkAttachment;
import dev.gantry.node.NodeLabels;
import dev.gantry.node.NodeRunner;
import dev.gantry.node.ResourceLimits;
import dev.gantry.node.RunningContainer;
import dev.gantry.node.VolumeMount;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A service's instance on the node: placed through the node runner like an app's (so it outlives a
 * restart of the control plane), never published on the host, with its data on the service's volume,
 * on its own network and on the network of every app linked to it, where it answers to its name.
 */
@ApplicationScoped
public class ServiceInstances {

    /** Where each kind's image keeps its data. */
    static final String DATA_PATH = "/var/lib/gantry-service";
    /** Label: the service a container belongs to (its instance, or a one-off run such as a backup). */
    static final String SERVICE_LABEL = "gantry.service";
    /** Enough for PostgreSQL's fast shutdown and Redis's snapshot on the way out. */
    static final Duration STOP_GRACE = Duration.ofSeconds(30);
    static final Duration READY_TIMEOUT = Duration.ofMinutes(2);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final NodeRunner nodes;
    private final AppResources resources;
    private final InstanceLogs logs;
    private final ServiceImages images;

    ServiceInstances(NodeRunner nodes, AppResources resources, InstanceLogs logs, ServiceImages images) {
        this.nodes = nodes;
        this.resources = resources;
        this.logs = logs;
        this.images = images;
    }

    /** Every container of the service's instances, newest first. */
    List<RunningContainer> all(String service) {
        return nodes.instances(Map.of(NodeLabels.APP, ServiceNames.owner(service))).stream()
                .sorted(Comparator.comparing(RunningContainer::startedAt,
                        Comparator.nullsFirst(Comparator.<Instant>naturalOrder())).reversed())
                .toList();
    }

    /** The instance that serves now: the newest running one the engine does not call unhealthy. */
    Optional<RunningContainer> serving(String service) {
        return all(service).stream().filter(ServiceInstances::serves).findFirst();
    }

    static boolean serves(RunningContainer container) {
        return container.running() && container.health() != RunningContainer.Health.UNHEALTHY;
    }

    void createVolume(String service) {
        resources.createVolume(ServiceNames.owner(service), ServiceNames.volume(service));
    }

    void removeVolume(String service) {
        resources.removeVolume(ServiceNames.volume(service));
    }

    /** Places a new instance and puts it on every linked app's network; returns it as started. */
    RunningContainer start(ServiceSpec spec, LineSink progress) {
        String image = images.ensure(spec.kind(), spec.version(), progress);
        String name = ServiceNames.containerPrefix(spec.name()) + suffix();
        Map<String, String> labels = new HashMap<>(labels(spec.name()));
        labels.put(NodeLabels.INSTANCE, name);
        labels.put(NodeLabels.STOP_GRACE, Long.toString(STOP_GRACE.toSeconds()));
        RunningContainer started = nodes.place(new ContainerSpec(name, image, List.of(), spec.environment(), labels, 0,
                null, ResourceLimits.DEFAULTS, List.of(new VolumeMount(ServiceNames.volume(spec.name()), DATA_PATH)),
                new NetworkAttachment(ServiceNames.network(spec.name()), List.of(spec.name())), false));
        for (String app : spec.linkedApps()) {
            join(spec.name(), started.id(), app);
        }
        return started;
    }

    /** The container of a one-off run of the service's image: a backup, a restore, a console. */
    ContainerSpec oneOff(ServiceSpec spec, String script, boolean withVolume) {
        String name = ServiceNames.containerPrefix(spec.name()) + script + "." + suffix();
        Map<String, String> labels = new HashMap<>(labels(spec.name()));
        labels.put(NodeLabels.ONE_OFF, "true");
        return new ContainerSpec(name, ServiceImages.tag(spec.kind(), spec.version()), List.of(script),
                spec.environment(), labels, 0, null, ResourceLimits.DEFAULTS,
                withVolume ? List.of(new VolumeMount(ServiceNames.volume(spec.name()), DATA_PATH)) : List.of(),
                new NetworkAttachment(ServiceNames.network(spec.name()), List.of()), false);
    }

    /**
     * Puts the service's instance on the app's network (on a cluster: its overlay too), where the app's
     * containers on every host reach it by the service's name.
     */
    void join(String service, String container, String app) {
        resources.connect(AppNetwork.forService(app, service), container);
    }

    void leave(String service, String container, String app) {
        resources.disconnect(AppNetwork.forService(app, service), container);
    }

    /** Blocks until the instance's own check passes; throws with the reason (and its last output) otherwise. */
    RunningContainer awaitHealthy(ServiceSpec spec, RunningContainer started) {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<RunningContainer> now = nodes.instance(started.id());
            if (now.isEmpty() || !now.get().running() || now.get().health() == RunningContainer.Health.UNHEALTHY) {
                throw new ServiceFailedException(spec + " did not start ("
                        + now.map(c -> c.running() ? "its health check failed" : "exit code " + c.exitCode())
                                .orElse("its container is gone")
                        + "). Its last output: " + lastLine(started.id()));
            }
            if (now.get().health() == RunningContainer.Health.HEALTHY) {
                return now.get();
            }
            pause();
        }
        throw new ServiceFailedException(spec + " did not pass its health check within " + READY_TIMEOUT.toMinutes()
                + " minutes. Its last output: " + lastLine(started.id()));
    }

    void remove(RunningContainer container) {
        nodes.remove(container.id(), STOP_GRACE);
    }

    /** Removes every instance of the service, then tells the runner it keeps none. */
    void removeAll(String service) {
        all(service).forEach(this::remove);
        nodes.keepOnly(ServiceNames.owner(service), Set.of(), STOP_GRACE);
    }

    String lastLines(String container, int lines) {
        return logs.last(container, lines);
    }

    private String lastLine(String container) {
        List<String> lines = logs.last(container, 5).lines().filter(line -> !line.isBlank()).toList();
        return lines.isEmpty() ? "(none)" : lines.get(lines.size() - 1).strip();
    }

    private static Map<String, String> labels(String service) {
        return Map.of(NodeLabels.APP, ServiceNames.owner(service), SERVICE_LABEL, service);
    }

    private static String suffix() {
        byte[] bytes = new byte[3];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceFailedException("interrupted while waiting for the service to start");
        }
    }
}
