package dev.gantry.control.console;

import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The console's first page: every app, its state and its URL. */
@ConsoleGuarded
@Path(AppsResource.PATH)
@Produces(MediaType.TEXT_HTML)
@Blocking
public class AppsResource {

    static final String PATH = "/console/apps";

    private final AppOverview overview;
    private final SignedIn signedIn;

    AppsResource(AppOverview overview, SignedIn signedIn) {
        this.overview = overview;
        this.signedIn = signedIn;
    }

    @GET
    public String apps() {
        return ConsolePages.apps(ConsolePages.Frame.of(signedIn.session()), overview.summaries(signedIn.session().user())).render();
    }
}
