package dev.gantry.control.api;

import dev.gantry.control.build.BuildDetails;
import dev.gantry.control.build.BuildHistory;
import dev.gantry.control.deploy.UploadDeployService;
import io.smallrye.common.annotation.Blocking;
import io.vertx.core.http.HttpServerRequest;
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
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;

/** An app's builds, as {@code builds} and {@code builds:info} show them. */
@Path("/api/v1/apps/{app}/builds")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class BuildsResource {

    private static final Logger LOG = Logger.getLogger(BuildsResource.class);

    private final BuildHistory history;
    private final UploadDeployService uploads;
    private final RestCaller caller;

    BuildsResource(BuildHistory history, UploadDeployService uploads, RestCaller caller) {
        this.history = history;
        this.uploads = uploads;
        this.caller = caller;
    }

    @GET
    public RestResponse<List<BuildResponse>> list(@PathParam("app") String app, @QueryParam("limit") String limit,
            @QueryParam("page") String page, @Context UriInfo uri) {
        Pages pages = Pages.of(limit, page);
        return pages.answer(history.of(app).stream().map(BuildResponse::of).toList(), uri);
    }

    @GET
    @Path("/{number}")
    public BuildInfoResponse info(@PathParam("app") String app, @PathParam("number") String number) {
        return BuildInfoResponse.of(history.details(app, Optional.of(BuildHistory.parseNumber(number))));
    }

    /**
     * A build from a gzipped tar of the source, as if it were pushed: built, released and rolled out;
     * answers 201 with the build and its log once the release serves.
     */
    @POST
    @Consumes({"application/gzip", "application/x-gzip"})
    public Response upload(@PathParam("app") String app, InputStream body, @Context HttpServerRequest http) {
        BuildDetails built = uploads.deploy(app, caller.user(), body, http.remoteAddress().hostAddress(),
                line -> LOG.infof("%s upload: %s", app, line.trim()));
        return Response.status(Response.Status.CREATED).entity(BuildInfoResponse.of(built)).build();
    }

    /** Body of a build from an image: a reference to an image already on the engine. */
    public record ImageBuild(String image) {
    }

    /** A release of an image already on the engine, built as {@code FROM image} like any push. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response fromImage(@PathParam("app") String app, ImageBuild request, @Context HttpServerRequest http) {
        BuildDetails built = uploads.deployImage(app, caller.user(), request == null ? null : request.image(),
                http.remoteAddress().hostAddress(), line -> LOG.infof("%s image: %s", app, line.trim()));
        return Response.status(Response.Status.CREATED).entity(BuildInfoResponse.of(built)).build();
    }
}
