package dev.gantry.control.api;

import dev.gantry.control.InvalidInputException;
import dev.gantry.control.deploy.RollbackService;
import dev.gantry.control.releases.ReleaseDiff;
import dev.gantry.control.releases.ReleaseHistory;
import dev.gantry.control.releases.RolloutTarget;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
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
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;

/** An app's releases, and rolling back to one of them. */
@Path("/api/v1/apps/{app}")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class ReleasesResource {

    private static final Logger LOG = Logger.getLogger(ReleasesResource.class);

    private final ReleaseHistory history;
    private final ReleaseDiff diff;
    private final RollbackService rollbacks;
    private final RestCaller caller;

    ReleasesResource(ReleaseHistory history, ReleaseDiff diff, RollbackService rollbacks, RestCaller caller) {
        this.history = history;
        this.diff = diff;
        this.rollbacks = rollbacks;
        this.caller = caller;
    }

    @GET
    @Path("/releases")
    public RestResponse<List<ReleaseResponse>> releases(@PathParam("app") String app, @QueryParam("limit") String limit,
            @QueryParam("page") String page, @Context UriInfo uri) {
        Pages pages = Pages.of(limit, page);
        return pages.answer(history.of(app).stream().map(ReleaseResponse::of).toList(), uri);
    }

    /** As {@code releases:info}; {@code version} is {@code 3} or {@code v3}. */
    @GET
    @Path("/releases/{version}")
    public ReleaseInfoResponse info(@PathParam("app") String app, @PathParam("version") String version) {
        return ReleaseInfoResponse.of(history.details(app, RollbackService.parseVersion(version)));
    }

    /** As {@code releases:diff}: {@code ?from=v2&to=v3}. */
    @GET
    @Path("/releases/diff")
    public ReleaseDiffResponse diff(@PathParam("app") String app, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        return ReleaseDiffResponse.of(diff.between(app, RollbackService.parseVersion(from),
                RollbackService.parseVersion(to)));
    }

    @POST
    @Path("/rollback")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response rollback(@PathParam("app") String app, RollbackRequest request) {
        Optional<Integer> version = Optional.ofNullable(request == null ? null : request.version());
        if (version.isPresent() && version.get() < 1) {
            throw new InvalidInputException("version: must be a release number of 1 or more, e.g. {\"version\": 3}");
        }
        RolloutTarget released = rollbacks.rollback(app, version, request != null && request.forced(),
                caller.user(),
                line -> LOG.infof("%s rollback: %s", app, line.trim()));
        ReleaseResponse created = history.of(app).stream()
                .filter(view -> view.version() == released.version())
                .findFirst().map(ReleaseResponse::of).orElseThrow();
        return Response.status(Response.Status.CREATED).entity(created).build();
    }
}
