package dev.gantry.control.api;

import dev.gantry.control.audit.AuditLog;
import dev.gantry.control.users.Authorization;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestResponse;

/** The audit log, newest first: {@code ?app=} for one app (all of it is for admins), {@code ?limit=&page=} as every list. */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class AuditResource {

    private final AuditLog audit;
    private final Authorization authorization;
    private final RestCaller caller;

    AuditResource(AuditLog audit, Authorization authorization, RestCaller caller) {
        this.audit = audit;
        this.authorization = authorization;
        this.caller = caller;
    }

    public record AuditEntry(Instant at, String actor, String channel, String address, String app, String action,
            String result) {
    }

    @GET
    public RestResponse<List<AuditEntry>> list(@QueryParam("app") String app, @QueryParam("limit") String limit,
            @QueryParam("page") String page, @Context UriInfo uri) {
        Pages pages = Pages.of(limit, page);
        authorization.checkAuditReader(caller.user(), Optional.ofNullable(app));
        List<AuditEntry> entries = audit.list(Optional.ofNullable(app), pages.offset(), pages.limit()).stream()
                .map(e -> new AuditEntry(e.at, e.actor, e.channel, e.address, e.app, e.action, e.result))
                .toList();
        return pages.answer(entries, audit.count(Optional.ofNullable(app)), uri);
    }
}
