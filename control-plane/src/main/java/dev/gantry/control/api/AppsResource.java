package dev.gantry.control.api;

import dev.gantry.control.GantryConfig;
import dev.gantry.control.InvalidInputException;
import dev.gantry.control.apps.AppService;
import dev.gantry.control.apps.AppSharing;
import dev.gantry.control.domain.App;
import dev.gantry.control.releases.ReleaseHistory;
import dev.gantry.control.releases.ReleaseView;
import dev.gantry.control.routing.AppRoutes;
import dev.gantry.control.teardown.AppDestroyService;
import dev.gantry.control.users.Authorization;
import dev.gantry.control.users.Permission;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;

/** Apps as {@code apps:list}, {@code apps:create}, {@code apps:info} and {@code apps:destroy} handle them. */
@Path("/api/v1/apps")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class AppsResource {

    private static final Logger LOG = Logger.getLogger(AppsResource.class);

    private final Authorization authorization;
    private final RestCaller caller;
    private final AppService apps;
    private final AppDestroyService destroyer;
    private final ReleaseHistory releases;
    private final AppSharing sharing;
    private final AppRoutes routes;
    private final GantryConfig config;

    AppsResource(Authorization authorization, RestCaller caller, AppService apps, AppDestroyService destroyer,
            ReleaseHistory releases, AppSharing sharing, AppRoutes routes, GantryConfig config) {
        this.authorization = authorization;
        this.caller = caller;
        this.apps = apps;
        this.destroyer = destroyer;
        this.releases = releases;
        this.sharing = sharing;
        this.routes = routes;
        this.config = config;
    }

    public record AppSummary(String name, String owner) {
    }

    /** Body of a POST: the new app's name. */
    public record NewApp(String name) {
    }

    /** What {@code apps:info} shows; {@code release} is null before the first deploy. */
    public record AppInfo(String name, String owner, String url, String gitRemote, Instant createdAt, String createdBy,
            List<String> sharedWith, Integer release) {
    }

    @GET
    public RestResponse<List<AppSummary>> list(@QueryParam("limit") String limit, @QueryParam("page") String page, @Context UriInfo uri) {
        List<AppSummary> visible = authorization.visibleApps(caller.user()).stream()
                .map(app -> new AppSummary(app.name, app.owner.name)).toList();
        return Pages.of(limit, page).answer(visible, uri);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(NewApp request) {
        if (request == null || request.name() == null) {
            throw new InvalidInputException("name: missing. Send e.g. {\"name\": \"shop\"}");
        }
        apps.create(request.name(), caller.user());
        return Response.status(Response.Status.CREATED).entity(info(request.name())).build();
    }

    @GET
    @Path("/{app}")
    public AppInfo info(@PathParam("app") String name) {
        App app = apps.get(name);
        Integer current = releases.of(name).stream().filter(r -> r.status() == ReleaseView.Status.CURRENT)
                .findFirst().map(ReleaseView::version).orElse(null);
        return new AppInfo(app.name, app.owner.name, routes.url(app.name),
                "ssh://gantry@" + config.publicHost() + ":" + config.ssh().port() + "/" + app.name,
                app.createdAt, app.createdBy, sharing.sharedWith(name), current);
    }

    /**
     * Takes the app down for good, as {@code apps:destroy APP --force}: {@code confirm} must repeat the
     * name, the REST form of {@code --force}. Its volumes go too only with {@code storage=true}.
     */
    @DELETE
    @Path("/{app}")
    public Response destroy(@PathParam("app") String name, @QueryParam("confirm") String confirm,
            @QueryParam("storage") boolean storage) {
        authorization.check(caller.user(), Permission.APP_OWNER, name, "apps:destroy");
        apps.get(name);
        if (!name.equals(confirm)) {
            throw new InvalidInputException("destroying " + name + " stops it and deletes its releases, images and"
                    + " repository for good. Repeat its name to confirm: DELETE /api/v1/apps/" + name + "?confirm="
                    + name);
        }
        destroyer.destroy(name, storage, line -> LOG.infof("%s destroy: %s", name, line));
        return Response.noContent().build();
    }
}
