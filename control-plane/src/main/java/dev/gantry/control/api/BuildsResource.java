package dev.gantry.control.api;

import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.QueryParam;
import dev.gantry.control.build.BuildHistory;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;

/** An app's builds, as {@code builds} and {@code builds:info} show them. */
@Path("/api/v1/apps/{app}/builds")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class BuildsResource {

    private final BuildHistory history;

    BuildsResource(BuildHistory history) {
        this.history = history;
    }

    @GET
    public Response list(@PathParam("app") String app, @QueryParam("limit") String limit,
            @QueryParam("page") String page, @Context UriInfo uri) {
        Pages pages = Pages.of(limit, page);
        return pages.answer(history.of(app).stream().map(BuildResponse::of).toList(), uri);
    }

    @GET
    @Path("/{number}")
    public BuildInfoResponse info(@PathParam("app") String app, @PathParam("number") String number) {
        return BuildInfoResponse.of(history.details(app, Optional.of(BuildHistory.parseNumber(number))));
    }
}
