package dev.gantry.control.api;

import dev.gantry.control.InvalidInputException;
import dev.gantry.control.routing.DomainService;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * An app's custom domains, as {@code domains}, {@code domains:add}, {@code domains:remove} and
 * {@code domains:redirect-https} handle them.
 */
@Path("/api/v1/apps/{app}/domains")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class DomainsResource {

    private final DomainService domains;
    private final RestCaller caller;

    DomainsResource(DomainService domains, RestCaller caller) {
        this.domains = domains;
        this.caller = caller;
    }

    /** Body of a POST: the hostname to add. */
    public record DomainRequest(String hostname) {
    }

    /** Body and answer of {@code /redirect-https}: whether plain HTTP requests get 308 to HTTPS. */
    public record RedirectHttps(Boolean enabled) {
    }

    @GET
    public List<String> list(@PathParam("app") String app) {
        return domains.domains(app);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response add(@PathParam("app") String app, DomainRequest request) {
        domains.add(app, request == null ? null : request.hostname(), caller.user());
        return Response.status(Response.Status.CREATED).entity(domains.domains(app)).build();
    }

    @GET
    @Path("/redirect-https")
    public RedirectHttps redirectHttps(@PathParam("app") String app) {
        return new RedirectHttps(domains.redirectsHttps(app));
    }

    @PUT
    @Path("/redirect-https")
    @Consumes(MediaType.APPLICATION_JSON)
    public RedirectHttps setRedirectHttps(@PathParam("app") String app, RedirectHttps request) {
        if (request == null || request.enabled() == null) {
            throw new InvalidInputException("enabled: give true or false, as in {\"enabled\": true}");
        }
        domains.redirectHttps(app, request.enabled(), caller.user());
        return new RedirectHttps(domains.redirectsHttps(app));
    }

    @DELETE
    @Path("/{hostname}")
    public List<String> remove(@PathParam("app") String app, @PathParam("hostname") String hostname) {
        domains.remove(app, hostname, caller.user());
        return domains.domains(app);
    }
}
