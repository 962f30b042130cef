package dev.gantry.node.docker;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gantry.node.ContainerSpec;
import dev.gantry.node.Isolation;
import dev.gantry.node.NodeLabels;
import dev.gantry.node.ResourceLimits;
import dev.gantry.node.VolumeMount;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * One instance as a Swarm service of one task, for {@code POST /services/create}: what
 * {@link AppContainerHardening} gives a container on one host, as far as a service can say it. The
 * capabilities, init, pids, memory and CPU limits, read-only root with a tmpfs {@code /tmp}, bounded
 * json-file logs and no restart by the engine carry over; two things do not: a service has no
 * {@code no-new-privileges} (on Docker 20.10's API; the engine's {@code "no-new-privileges": true} in
 * {@code daemon.json} gives every container on a host the same) and no swap limit (the engine allows
 * as much swap as memory, where the host has swap). The port is published in host mode at the host port
 * given ({@link SwarmHostPorts}; with none, one the task's engine picks), on every address of that host:
 * the router reaches it at the host's address.
 * The app's network is its overlay ({@link dev.gantry.node.NetworkAttachment#overlay}), where the
 * instance answers to its aliases ({@code web.internal}, {@code web.1.internal}) from every host.
 */
final class SwarmServiceSpec {

    /** Swarm service names are DNS labels. */
    static final int MAX_NAME = 63;
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final long TMP_BYTES = 64L * 1024 * 1024;

    private SwarmServiceSpec() {
    }

    /**
     * The service for {@code spec}, held to the hosts that carry its placement labels and that
     * {@code constraints} allow (Swarm's placement constraints, e.g. {@code node.id==ID}); with none,
     * Swarm's scheduler spreads: it puts each new task on the ready host that runs the fewest.
     */
    static ObjectNode of(ContainerSpec spec, List<String> constraints, int hostPort) {
        ObjectNode service = JSON.objectNode();
        service.put("Name", serviceName(spec.name()));
        service.set("Labels", labels(spec.labels()));
        ObjectNode task = service.putObject("TaskTemplate");
        task.set("ContainerSpec", container(spec));
        ObjectNode limits = task.putObject("Resources").putObject("Limits");
        ResourceLimits wanted = spec.limits();
        limits.put("Pids", wanted.pids() == 0 ? ResourceLimits.DEFAULT_PIDS : wanted.pids());
        if (wanted.memoryBytes() > 0) {
            limits.put("MemoryBytes", wanted.memoryBytes());
        }
        if (wanted.cpus() > 0) {
            limits.put("NanoCPUs", Math.round(wanted.cpus() * 1e9));
        }
        // Gantry restarts a crashed instance itself (backoff, health gate) and replaces a lost host's.
        task.putObject("RestartPolicy").put("Condition", "none");
        ArrayNode placed = task.putObject("Placement").putArray("Constraints");
        constraints.forEach(placed::add);
        spec.placement().forEach((label, value) -> placed.add("node.labels." + label + "==" + value));
        ObjectNode logs = task.putObject("LogDriver");
        logs.put("Name", AppContainerHardening.LOG_DRIVER.getType());
        logs.putObject("Options").put("max-size", AppContainerHardening.LOG_MAX_SIZE)
                .put("max-file", Integer.toString(AppContainerHardening.LOG_MAX_FILES));
        if (spec.network() != null && spec.network().overlay() != null) {
            ObjectNode network = task.putArray("Networks").addObject();
            network.put("Target", spec.network().overlay());
            ArrayNode aliases = network.putArray("Aliases");
            spec.network().aliases().forEach(aliases::add);
        }
        service.putObject("Mode").putObject("Replicated").put("Replicas", 1);
        // A name answers with the addresses of its tasks, not a virtual address: measured on test hosts, a
        // service's virtual address did not answer from another host, while its tasks' addresses did.
        ObjectNode endpoint = service.putObject("EndpointSpec").put("Mode", "dnsrr");
        if (spec.containerPort() != 0) {
            ObjectNode port = endpoint.putArray("Ports").addObject();
            port.put("Protocol", "tcp").put("TargetPort", spec.containerPort()).put("PublishMode", "host");
            if (hostPort != 0) {
                port.put("PublishedPort", hostPort);
            }
        }
        return service;
    }

    private static ObjectNode container(ContainerSpec spec) {
        ObjectNode container = JSON.objectNode();
        container.put("Image", spec.image());
        container.set("Labels", labels(spec.labels()));
        if (!spec.command().isEmpty()) {
            // A service's Command replaces the image's ENTRYPOINT; its Args, like docker run's command, the CMD.
            ArrayNode args = container.putArray("Args");
            spec.command().forEach(args::add);
        }
        ArrayNode env = container.putArray("Env");
        spec.env().forEach((key, value) -> env.add(key + "=" + value));
        container.put("Init", true);
        // A task's spec cannot change without replacing the task, so a service is stopped with the grace it
        // was made with: the one its instance's label names.
        container.put("StopGracePeriod", NodeLabels.stopGrace(spec.labels()).toNanos());
        container.putArray("CapabilityDrop").add("ALL");
        ArrayNode kept = container.putArray("CapabilityAdd");
        Isolation.CAPABILITIES.forEach(capability -> kept.add("CAP_" + capability));
        ArrayNode mounts = container.putArray("Mounts");
        for (VolumeMount mount : spec.mounts()) {
            mounts.addObject().put("Type", "volume").put("Source", mount.volume()).put("Target", mount.path());
        }
        if (spec.readOnlyRoot()) {
            container.put("ReadOnly", true);
            mounts.addObject().put("Type", "tmpfs").put("Target", "/tmp")
                    .putObject("TmpfsOptions").put("SizeBytes", TMP_BYTES);
        }
        return container;
    }

    /**
     * The instance's own name when it is a valid service name; a longer one (an app and a process type
     * of 30 characters each) keeps its start and gets a digest of the whole, so it stays unique. The
     * instance's name itself stays in its {@link NodeLabels#INSTANCE} label.
     */
    static String serviceName(String instance) {
        if (instance.length() <= MAX_NAME) {
            return instance;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(instance.getBytes(StandardCharsets.UTF_8));
            String tail = "-" + HexFormat.of().formatHex(digest, 0, 6);
            return instance.substring(0, MAX_NAME - tail.length()).replaceAll("[-.]+$", "") + tail;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static ObjectNode labels(Map<String, String> labels) {
        ObjectNode node = JSON.objectNode();
        labels.forEach(node::put);
        return node;
    }
}
