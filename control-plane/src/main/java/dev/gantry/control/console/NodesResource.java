package dev.gantry.control.console;

import dev.gantry.control.cluster.NodeService;
import dev.gantry.control.users.Authorization;
import dev.gantry.control.users.Permission;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The nodes page: each host's state, labels, capacity and instances; admins drain a host from it. */
@ConsoleGuarded
@Path(NodesResource.PATH)
@Produces(MediaType.TEXT_HTML)
@Blocking
public class NodesResource {

    static final String PATH = "/console/nodes";

    private final NodeOverview overview;
    private final SignedIn signedIn;
    private final ConsoleActions actions;
    private final NodeService changes;
    private final Authorization authorization;

    NodesResource(NodeOverview overview, SignedIn signedIn, ConsoleActions actions, NodeService changes,
            Authorization authorization) {
        this.overview = overview;
        this.signedIn = signedIn;
        this.actions = actions;
        this.changes = changes;
        this.authorization = authorization;
    }

    @GET
    public String nodes() {
        return ConsolePages.nodes(ConsolePages.Frame.of(signedIn.session()), overview.nodes(signedIn.session().user())).render();
    }

    /** {@code nodes:drain}: returns once every instance there moved, as the command does. */
    @POST
    @Path("/{name}/drain")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response drain(@PathParam("name") String name) {
        String user = signedIn.session().user();
        actions.run("nodes:drain " + name, null, progress -> {
            authorization.check(user, Permission.ADMIN, null, "nodes:drain");
            int moved = changes.drain(name, user, progress);
            return "Drained " + name + ": " + moved + " instance(s) moved to other hosts";
        });
        return ConsoleResponses.backTo(PATH);
    }
}
