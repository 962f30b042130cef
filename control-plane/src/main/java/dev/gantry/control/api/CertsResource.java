package dev.gantry.control.api;

import dev.gantry.control.routing.CertificateService;
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
import java.util.Objects;

/** An app's TLS certificates, as {@code certs}, {@code certs:add} and {@code certs:remove} handle them. */
@Path("/api/v1/apps/{app}/certs")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class CertsResource {

    private final CertificateService certificates;
    private final RestCaller caller;

    CertsResource(CertificateService certificates, RestCaller caller) {
        this.certificates = certificates;
        this.caller = caller;
    }

    /** Body of a POST: the chain and its PKCS#8 key as PEM, in one field or two. */
    public record CertRequest(String certificate, String key) {
    }

    @GET
    public List<CertificateService.Summary> list(@PathParam("app") String app) {
        return certificates.certificates(app);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response add(@PathParam("app") String app, CertRequest request) {
        // One bundle, as certs:add reads it: the key may come in its own field or after the chain.
        String bundle = request == null ? "" : Objects.toString(request.certificate(), "") + "\n"
                + Objects.toString(request.key(), "");
        CertificateService.Added added = certificates.add(app, bundle, caller.user());
        return Response.status(Response.Status.CREATED).entity(added).build();
    }

    @DELETE
    @Path("/{domain}")
    public List<CertificateService.Summary> remove(@PathParam("app") String app, @PathParam("domain") String domain) {
        certificates.remove(app, domain, caller.user());
        return certificates.certificates(app);
    }
}
