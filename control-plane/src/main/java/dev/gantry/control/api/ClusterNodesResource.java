package dev.gantry.control.api;

import dev.gantry.control.cluster.NodeList;
import dev.gantry.control.cluster.NodeService;
import dev.gantry.control.users.Authorization;
import dev.gantry.control.users.Permission;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The hosts Gantry runs on ({@code nodes}, {@code nodes:label}, {@code nodes:drain}, {@code nodes:remove});
 * they carry every app, so they are for admins.
 */
@Path("/api/v1/nodes")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class ClusterNodesResource {

    private static final Logger LOG = Logger.getLogger(ClusterNodesResource.class);

    private final NodeList nodes;
    private final NodeService changes;
    private final Authorization authorization;
    private final RestCaller caller;

    ClusterNodesResource(NodeList nodes, NodeService changes, Authorization authorization, RestCaller caller) {
        this.nodes = nodes;
        this.changes = changes;
        this.authorization = authorization;
        this.caller = caller;
    }

    /** What a drain did. */
    public record Drained(String node, int moved) {
    }

    @GET
    public List<NodeList.Node> list() {
        authorization.check(caller.user(), Permission.ADMIN, null, "nodes");
        return nodes.list().nodes();
    }

    /** Body {@code {"zone": "a", "disk": ""}}: sets zone, removes disk; answers the host's labels. */
    @PATCH
    @Path("/{node}/labels")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, String> label(@PathParam("node") String node, Map<String, String> labels) {
        authorization.check(caller.user(), Permission.ADMIN, null, "nodes:label");
        return changes.label(node, labels == null ? List.of() : labels.entrySet().stream()
                .map(label -> label.getKey() + "=" + (label.getValue() == null ? "" : label.getValue())).toList());
    }

    @POST
    @Path("/{node}/drain")
    public Drained drain(@PathParam("node") String node) {
        authorization.check(caller.user(), Permission.ADMIN, null, "nodes:drain");
        return new Drained(node, changes.drain(node, caller.user(), line -> LOG.infof("drain %s: %s", node, line.trim())));
    }

    @DELETE
    @Path("/{node}")
    public void remove(@PathParam("node") String node, @QueryParam("force") boolean force) {
        authorization.check(caller.user(), Permission.ADMIN, null, "nodes:remove");
        changes.remove(node, force);
    }
}
