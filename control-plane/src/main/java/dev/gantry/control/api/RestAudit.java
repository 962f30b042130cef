package dev.gantry.control.api;

import dev.gantry.control.audit.AuditLog;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Records every change made over REST (any method but GET and HEAD) with its status. The CLI
 * endpoint is left to the command dispatcher, which records the command itself.
 */
public class RestAudit {

    private static final Set<String> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
    private static final Pattern APP_PATH = Pattern.compile("/api/v1/apps/([^/]+)(/.*)?");

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
        AuditLog.Actor actor = new AuditLog.Actor(caller.userOrNone(), "rest", http.remoteAddress().hostAddress());
        String action = request.getMethod() + " " + path;
        String result = status < 400 ? "ok (" + status + ")" : "refused (" + status + ")";
        Runnable record = () -> audit.record(actor, action, appOf(path), result);
        // A request refused before it matched a resource (404, 405, 415) is answered on the event
        // loop, where no transaction may start: its line is written from a worker instead.
        if (Context.isOnEventLoopThread()) {
            Infrastructure.getDefaultWorkerPool().execute(record);
        } else {
            record.run();
        }
    }

    /**
     * The app of the path, read from the path itself: a request refused before it matched a resource
     * (a 415, a 405) has no path parameters to ask for.
     */
    private static String appOf(String path) {
        Matcher app = APP_PATH.matcher(path);
        return app.matches() ? app.group(1) : null;
    }
}
