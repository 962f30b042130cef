package dev.gantry.control.api;

import dev.gantry.control.users.Authorization;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The apps the caller may use (an admin: all of them), as {@code apps:list} shows them. */
@Path("/api/v1/apps")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class AppsResource {

    private final Authorization authorization;
    private final RestCaller caller;

    AppsResource(Authorization authorization, RestCaller caller) {
        this.authorization = authorization;
        this.caller = caller;
    }

    public record AppSummary(String name, String owner) {
    }

    @GET
    public List<AppSummary> list() {
        return authorization.visibleApps(caller.user()).stream().map(app -> new AppSummary(app.name, app.owner.name))
                .toList();
    }
}
