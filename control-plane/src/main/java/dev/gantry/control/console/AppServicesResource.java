package dev.gantry.control.console;

import dev.gantry.control.GantryException;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** An app's services tab: the services linked to it, each with its state and a way to its page. */
@ConsoleGuarded
@Path("/console/apps/{app}/services")
@Produces(MediaType.TEXT_HTML)
@Blocking
public class AppServicesResource {

    private final ServiceOverview overview;
    private final SignedIn signedIn;

    AppServicesResource(ServiceOverview overview, SignedIn signedIn) {
        this.overview = overview;
        this.signedIn = signedIn;
    }

    @GET
    public String page(@PathParam("app") String app) {
        return ConsolePages.appServices(ConsolePages.Frame.of(signedIn.session()), app,
                overview.ofApp(app, signedIn.session().user())).render();
    }

    @ServerExceptionMapper
    public Response refused(GantryException e) {
        return ConsoleResponses.refused(e);
    }
}
