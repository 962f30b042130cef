package dev.gantry.control.api;

import dev.gantry.control.audit.AuditEntry;
import dev.gantry.control.audit.AuditJsonLines;
import dev.gantry.control.audit.AuditLog;
import dev.gantry.control.audit.AuditQuery;
import dev.gantry.control.users.Authorization;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The audit log, newest first, filtered as {@code audit} filters it ({@code ?app=&user=&action=&since=&until=};
 * all of it is for admins, one app's for those who may use the app): a page at a time
 * ({@code ?limit=&page=}, as every list), or every matching event as JSON Lines at {@code /export}.
 */
@Path("/api/v1/audit")
@Blocking
public class AuditResource {

    private final AuditLog audit;
    private final AuditJsonLines jsonLines;
    private final Authorization authorization;
    private final RestCaller caller;

    AuditResource(AuditLog audit, AuditJsonLines jsonLines, Authorization authorization, RestCaller caller) {
        this.audit = audit;
        this.jsonLines = jsonLines;
        this.authorization = authorization;
        this.caller = caller;
    }

    /** The filters, as query parameters; each may be left out. */
    public static class Filters {
        @QueryParam("app")
        String app;
        @QueryParam("user")
        String user;
        @QueryParam("action")
        String action;
        @QueryParam("since")
        String since;
        @QueryParam("until")
        String until;

        AuditQuery query() {
            return AuditQuery.parse(app, user, action, since, until, Instant.now());
        }
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public RestResponse<List<AuditEntry>> list(@BeanParam Filters filters,
            @QueryParam("limit") String limit, @QueryParam("page") String page, @Context UriInfo uri) {
        Pages pages = Pages.of(limit, page);
        AuditQuery query = readable(filters);
        return pages.answer(audit.list(query, pages.offset(), pages.limit()), audit.count(query), uri);
    }

    @GET
    @Path("/export")
    @Produces(AuditJsonLines.MEDIA_TYPE)
    public Response export(@BeanParam Filters filters) {
        AuditQuery query = readable(filters);
        StreamingOutput lines = out -> jsonLines.write(query, out);
        return Response.ok(lines, AuditJsonLines.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"gantry-audit.jsonl\"").build();
    }

    private AuditQuery readable(Filters filters) {
        AuditQuery query = filters.query();
        authorization.checkAuditReader(caller.user(), query.app());
        return query;
    }
}
