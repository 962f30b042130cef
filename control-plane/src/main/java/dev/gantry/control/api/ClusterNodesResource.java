package dev.gantry.control.api;

import dev.gantry.control.cluster.NodeList;
import dev.gantry.control.users.Authorization;
import dev.gantry.control.users.Permission;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The hosts Gantry runs on ({@code nodes}); they carry every app, so they are for admins. */
@Path("/api/v1/nodes")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class ClusterNodesResource {

    private final NodeList nodes;
    private final Authorization authorization;
    private final RestCaller caller;

    ClusterNodesResource(NodeList nodes, Authorization authorization, RestCaller caller) {
        this.nodes = nodes;
        this.authorization = authorization;
        this.caller = caller;
    }

    @GET
    public List<NodeList.Node> list() {
        authorization.check(caller.user(), Permission.ADMIN, null, "nodes");
        return nodes.list().nodes();
    }
}
