package dev.gantry.node.docker;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gantry.node.ContainerStartFailedException;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The host port each cluster instance is published at: chosen by Gantry, one per service across the
 * cluster, and written into the service's own spec. Swarm would choose one itself, but it tells the port
 * only in the task's status, and a manager that restarted may no longer hold it: after the control
 * host rebooted, a task still running on another host came back with no ports, so the router had
 * nowhere to send the app's requests. The spec is the managers' own, kept through any restart.
 *
 * <p>The range lies below the kernel's ephemeral ports (32768 and up), from which an engine publishes the
 * containers it runs outside Swarm, and away from the ports Gantry itself listens on.
 */
final class SwarmHostPorts {

    static final int FIRST = 20000;
    static final int LAST = 29999;

    private SwarmHostPorts() {
    }

    /** The lowest port of the range that none of {@code services} (as {@code GET /services} lists them) is published at. */
    static int free(Collection<JsonNode> services) {
        Set<Integer> taken = services.stream().map(SwarmHostPorts::of).collect(Collectors.toSet());
        for (int port = FIRST; port <= LAST; port++) {
            if (!taken.contains(port)) {
                return port;
            }
        }
        throw new ContainerStartFailedException("all " + (LAST - FIRST + 1) + " host ports for cluster instances ("
                + FIRST + "-" + LAST + ") are taken. Scale some process types down or remove apps", null);
    }

    /** The host port a service's spec publishes at, 0 when it leaves the choice to Swarm (services of older Gantry versions). */
    static int of(JsonNode service) {
        for (JsonNode port : service.path("Spec").path("EndpointSpec").path("Ports")) {
            if (port.path("PublishedPort").asInt(0) > 0) {
                return port.path("PublishedPort").asInt();
            }
        }
        return 0;
    }
}
