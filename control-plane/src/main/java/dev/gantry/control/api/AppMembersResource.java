package dev.gantry.control.api;

import dev.gantry.control.InvalidInputException;
import dev.gantry.control.apps.AppService;
import dev.gantry.control.apps.AppSharing;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * Who may use an app, as {@code apps:share} and {@code apps:unshare} change it. Anyone who may use
 * the app sees the list; its owner or an admin changes it.
 */
@Path("/api/v1/apps/{app}/members")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class AppMembersResource {

    private final AppService apps;
    private final AppSharing sharing;
    private final Authorization authorization;
    private final RestCaller caller;

    AppMembersResource(AppService apps, AppSharing sharing, Authorization authorization, RestCaller caller) {
        this.apps = apps;
        this.sharing = sharing;
        this.authorization = authorization;
        this.caller = caller;
    }

    public record MembersResponse(String owner, List<String> members) {
    }

    /** Body of a POST: the user to share the app with. */
    public record NewMember(String user) {
    }

    @GET
    public MembersResponse list(@PathParam("app") String app) {
        return new MembersResponse(apps.get(app).owner.name, sharing.sharedWith(app));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response share(@PathParam("app") String app, NewMember request) {
        authorization.check(caller.user(), Permission.APP_OWNER, app, "apps:share");
        if (request == null || request.user() == null) {
            throw new InvalidInputException("user: missing. Send e.g. {\"user\": \"alice\"}");
        }
        sharing.share(app, request.user());
        return Response.status(Response.Status.CREATED).entity(list(app)).build();
    }

    @DELETE
    @Path("/{user}")
    public MembersResponse unshare(@PathParam("app") String app, @PathParam("user") String user) {
        authorization.check(caller.user(), Permission.APP_OWNER, app, "apps:unshare");
        sharing.unshare(app, user);
        return list(app);
    }
}
