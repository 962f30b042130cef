package dev.gantry.control.console;

import dev.gantry.control.GantryException;
import dev.gantry.control.deploy.RollbackService;
import dev.gantry.control.formation.ScaleService;
import dev.gantry.control.routing.DomainService;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The app page, and the changes made from it: scale, roll back, domains. Each change goes through
 * the service its SSH command uses, then the browser loads the page again with the outcome.
 */
@ConsoleGuarded
@Path("/console/apps/{app}")
@Produces(MediaType.TEXT_HTML)
@Blocking
public class AppResource {

    private final AppOverview overview;
    private final SignedIn signedIn;
    private final ConsoleActions actions;
    private final ScaleService scale;
    private final RollbackService rollbacks;
    private final DomainService domains;

    AppResource(AppOverview overview, SignedIn signedIn, ConsoleActions actions, ScaleService scale,
            RollbackService rollbacks, DomainService domains) {
        this.overview = overview;
        this.signedIn = signedIn;
        this.actions = actions;
        this.scale = scale;
        this.rollbacks = rollbacks;
        this.domains = domains;
    }

    static String path(String app) {
        return AppsResource.PATH + "/" + app;
    }

    @GET
    public String page(@PathParam("app") String app) {
        return ConsolePages.app(ConsolePages.Frame.of(signedIn.session()), overview.of(app)).render();
    }

    /** One {@code type} and {@code quantity} field per process type, in the same order. */
    @POST
    @Path("/scale")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response scale(@PathParam("app") String app, @RestForm List<String> type, @RestForm List<String> quantity) {
        actions.run("ps:scale", app, progress -> {
            Map<String, String> asked = new LinkedHashMap<>();
            FormRows.pairs(type, quantity).forEach(row -> asked.put(row.getKey(), row.getValue().trim()));
            Map<String, Integer> counts = ScaleService.parseCounts(asked);
            scale.scale(app, counts, signedIn.session().user(), progress);
            return "Scaled " + app + " to " + ScaleService.describe(counts);
        });
        return ConsoleResponses.backTo(path(app));
    }

    @POST
    @Path("/rollback")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response rollback(@PathParam("app") String app, @RestForm String version) {
        actions.run("rollback", app, progress -> {
            int wanted = RollbackService.parseVersion(version);
            int made = rollbacks.rollback(app, Optional.of(wanted), false, signedIn.session().user(), progress)
                    .version();
            return "Rolled back to v" + wanted + " as v" + made;
        });
        return ConsoleResponses.backTo(path(app));
    }

    @POST
    @Path("/domains/add")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addDomain(@PathParam("app") String app, @RestForm String hostname) {
        actions.run("domains:add", app, progress -> "Added "
                + domains.add(app, hostname == null ? "" : hostname.trim(), signedIn.session().user()) + " to " + app);
        return ConsoleResponses.backTo(path(app));
    }

    @POST
    @Path("/domains/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response removeDomain(@PathParam("app") String app, @RestForm String hostname) {
        actions.run("domains:remove", app, progress -> {
            domains.remove(app, hostname == null ? "" : hostname, signedIn.session().user());
            return "Removed " + hostname + " from " + app;
        });
        return ConsoleResponses.backTo(path(app));
    }

    @ServerExceptionMapper
    public Response refused(GantryException e) {
        return ConsoleResponses.refused(e);
    }
}
