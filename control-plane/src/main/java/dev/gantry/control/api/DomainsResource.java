package dev.gantry.control.api;

import dev.gantry.control.deploy.DomainService;
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

/** An app's custom domains, as {@code domains}, {@code domains:add} and {@code domains:remove} handle them. */
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

    @DELETE
    @Path("/{hostname}")
    public List<String> remove(@PathParam("app") String app, @PathParam("hostname") String hostname) {
        domains.remove(app, hostname, caller.user());
        return domains.domains(app);
    }
}
