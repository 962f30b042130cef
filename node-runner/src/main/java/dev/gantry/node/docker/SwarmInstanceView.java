package dev.gantry.node.docker;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gantry.node.ClusterNode;
import dev.gantry.node.NodeLabels;
import dev.gantry.node.RunningContainer;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.StreamSupport;

/**
 * Reads a Swarm service of one instance, its task and the task's host into Gantry's
 * {@link RunningContainer}: the service's id and the instance's name, running while its task runs, the
 * host's address and the port the instance is published at there, and the host it landed on, with
 * whether that host is down or gone from the cluster (a task there reports nothing any more: it is lost).
 */
final class SwarmInstanceView {

    /** The states a task leaves only by being replaced. */
    static final Set<String> ENDED = Set.of("complete", "shutdown", "failed", "rejected", "orphaned", "remove");

    private SwarmInstanceView() {
    }

    /** {@code service}: as {@code GET /services} lists it; {@code nodes}: the cluster's hosts by node id. */
    static RunningContainer of(JsonNode service, Optional<JsonNode> task, Map<String, ClusterNode> nodes) {
        JsonNode spec = service.path("Spec");
        Map<String, String> labels = labels(spec.path("Labels"));
        String name = labels.getOrDefault(NodeLabels.INSTANCE, spec.path("Name").asText());
        String image = spec.path("TaskTemplate").path("ContainerSpec").path("Image").asText();
        if (task.isEmpty()) {
            return new RunningContainer(service.path("ID").asText(), name, image, labels, false, 0, null, null, 0);
        }
        JsonNode status = task.get().path("Status");
        String state = status.path("State").asText();
        boolean running = "running".equals(state);
        Instant since = ContainerViews.time(status.path("Timestamp").asText(null));
        String nodeId = task.get().path("NodeID").asText("");
        ClusterNode node = nodes.get(nodeId);
        // A host taken out of the cluster (nodes:remove --force) left its tasks behind: lost, like a host that is down.
        boolean lost = node == null ? !nodeId.isEmpty() : node.state() == ClusterNode.State.DOWN;
        // A restarted manager may have lost the task's ports: the spec's port is where the instance answers.
        int reported = publishedPort(status);
        int port = reported > 0 || !running ? reported : SwarmHostPorts.of(service);
        // Swarm counts a task with a health check running only once the check passed, and ends it when the
        // check fails: a running task has no verdict to report beyond that.
        return new RunningContainer(service.path("ID").asText(), name, image, labels, running,
                status.path("ContainerStatus").path("ExitCode").asInt(0), running ? since : null,
                node == null || port == 0 ? null : node.address(), port, false,
                ENDED.contains(state) ? since : null, RunningContainer.Health.NONE, node == null ? nodeId : node.name(), lost);
    }

    /** The newest of a service's tasks: the one that stands for the instance now. */
    static Optional<JsonNode> current(List<JsonNode> tasks) {
        return tasks.stream().max(Comparator.comparingLong(task -> task.path("Version").path("Index").asLong()));
    }

    /** A task's published port: the engine fills it once the task's container runs. */
    static int publishedPort(JsonNode status) {
        for (JsonNode port : status.path("PortStatus").path("Ports")) {
            if (port.path("PublishedPort").asInt(0) > 0) {
                return port.path("PublishedPort").asInt();
            }
        }
        return 0;
    }

    private static Map<String, String> labels(JsonNode labels) {
        Map<String, String> read = new LinkedHashMap<>();
        labels.fields().forEachRemaining(label -> read.put(label.getKey(), label.getValue().asText()));
        return read;
    }

    static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }
}
