package dev.gantry.control.api;

import dev.gantry.control.routing.RemoteRouter;
import dev.gantry.control.routing.RouterFanOut;
import dev.gantry.control.users.Authorization;
import dev.gantry.control.users.Permission;
import dev.gantry.router.api.RouteControl;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The routers on other hosts and whether each gets route changes now ({@code routers}); for admins. */
@Path("/api/v1/routers")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class RoutersResource {

    private final RouteControl router;
    private final Authorization authorization;
    private final RestCaller caller;

    RoutersResource(RouteControl router, Authorization authorization, RestCaller caller) {
        this.router = router;
        this.authorization = authorization;
        this.caller = caller;
    }

    @GET
    public List<RemoteRouter> list() {
        authorization.check(caller.user(), Permission.ADMIN, null, "routers");
        return RouterFanOut.remotesOf(router);
    }
}
