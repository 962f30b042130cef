package dev.gantry.control.console;

import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The nodes page: capacity, and the instances each node runs. */
@ConsoleGuarded
@Path("/console/nodes")
@Produces(MediaType.TEXT_HTML)
@Blocking
public class NodesResource {

    private final NodeOverview overview;
    private final SignedIn signedIn;

    NodesResource(NodeOverview overview, SignedIn signedIn) {
        this.overview = overview;
        this.signedIn = signedIn;
    }

    @GET
    public String nodes() {
        return ConsolePages.nodes(ConsolePages.Frame.of(signedIn.session()), overview.nodes(signedIn.session().user())).render();
    }
}
