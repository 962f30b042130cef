package dev.gantry.control.api;

import dev.gantry.control.InvalidInputException;
import dev.gantry.control.audit.AuditLog;
import dev.gantry.control.users.Authorization;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The audit log, newest first: {@code ?app=} for one app (all of it is for admins), {@code ?limit=} (at most 1000). */
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
    public List<AuditEntry> list(@QueryParam("app") String app, @QueryParam("limit") @DefaultValue("100") int limit) {
        if (limit < 1 || limit > AuditLog.MAX_LISTED) {
            throw new InvalidInputException("limit: " + limit + " is not from 1 to " + AuditLog.MAX_LISTED);
        }
        authorization.checkAuditReader(caller.user(), Optional.ofNullable(app));
        return audit.list(Optional.ofNullable(app), limit).stream()
                .map(e -> new AuditEntry(e.at, e.actor, e.channel, e.address, e.app, e.action, e.result))
                .toList();
    }
}
