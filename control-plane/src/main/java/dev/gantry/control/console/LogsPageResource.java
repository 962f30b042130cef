package dev.gantry.control.console;

import dev.gantry.control.GantryException;
import dev.gantry.control.apps.AppService;
import dev.gantry.control.logs.AppLogStore;
import dev.gantry.control.logs.LogEvents;
import dev.gantry.control.logs.LogQuery;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.RestStreamElementType;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Live logs: the page, and the stream its script reads (the same lines as {@code logs APP -f}). */
@ConsoleGuarded
@Path("/console/apps/{app}/logs")
@Blocking
public class LogsPageResource {

    static final String TAIL_LINES = "200";

    private final AppService apps;
    private final AppLogStore store;
    private final SignedIn signedIn;

    LogsPageResource(AppService apps, AppLogStore store, SignedIn signedIn) {
        this.apps = apps;
        this.store = store;
        this.signedIn = signedIn;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public String page(@PathParam("app") String app) {
        apps.get(app);
        return ConsolePages.logs(ConsolePages.Frame.of(signedIn.session()), app).render();
    }

    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.TEXT_PLAIN)
    public Multi<String> stream(@PathParam("app") String app) {
        apps.get(app);
        return LogEvents.follow(store, app, LogQuery.parse(List.of("-f", "-n", TAIL_LINES)));
    }

    @ServerExceptionMapper
    public Response refused(GantryException e) {
        return ConsoleResponses.refused(e);
    }
}
