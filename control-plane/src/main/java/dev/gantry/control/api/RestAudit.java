package dev.gantry.control.api;

import dev.gantry.control.audit.AuditLog;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Records every change made over REST (any method but GET and HEAD) with its status. The CLI
 * endpoint is left to the command dispatcher, which records the command itself.
 */
public class RestAudit {

    private static final Set<String> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private final AuditLog audit;
    private final RestCaller caller;

    RestAudit(AuditLog audit, RestCaller caller) {
        this.audit = audit;
        this.caller = caller;
    }

    @ServerResponseFilter
    public void record(ContainerRequestContext request, ContainerResponseContext response, HttpServerRequest http) {
        String path = request.getUriInfo().getPath();
        if (READS.contains(request.getMethod()) || !path.startsWith("/api/v1/") || path.equals("/api/v1/cli")) {
            return;
        }
        int status = response.getStatus();
        audit.record(new AuditLog.Actor(caller.userOrNone(), "rest", http.remoteAddress().hostAddress()),
                request.getMethod() + " " + path, request.getUriInfo().getPathParameters().getFirst("app"),
                status < 400 ? "ok (" + status + ")" : "refused (" + status + ")");
    }
}
