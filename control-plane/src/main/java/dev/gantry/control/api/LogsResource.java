package dev.gantry.control.api;

import dev.gantry.control.apps.AppService;
import dev.gantry.control.logs.AppLogStore;
import dev.gantry.control.logs.LogEvents;
import dev.gantry.control.logs.LogFollow;
import dev.gantry.control.logs.LogQuery;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.RestStreamElementType;

/**
 * An app's log over HTTP, with the options of {@code logs}: plain text for the tail, and at
 * {@code /stream} Server-Sent Events (one line per event) to follow it. Two paths rather than one
 * negotiated by Accept, so a client that accepts anything never ends up in an endless stream.
 */
@Path("/api/v1/apps/{app}/logs")
public class LogsResource {

    private final AppService apps;
    private final AppLogStore store;

    LogsResource(AppService apps, AppLogStore store) {
        this.apps = apps;
        this.store = store;
    }

    @GET
    @Blocking
    @Produces(MediaType.TEXT_PLAIN)
    public String tail(@PathParam("app") String app, @QueryParam("lines") String lines,
            @QueryParam("type") String type, @QueryParam("since") String since) {
        LogQuery query = query(app, lines, type, since, false);
        return store.tail(app, query).stream().map(line -> LogFollow.format(line) + "\n").collect(Collectors.joining());
    }

    @GET
    @Path("/stream")
    @Blocking
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.TEXT_PLAIN)
    public Multi<String> follow(@PathParam("app") String app, @QueryParam("lines") String lines,
            @QueryParam("type") String type, @QueryParam("since") String since) {
        LogQuery query = query(app, lines, type, since, true);
        return LogEvents.follow(store, app, query);
    }

    /** The same options and checks as the command, so both refuse the same input with the same words. */
    private LogQuery query(String app, String lines, String type, String since, boolean follow) {
        apps.get(app);
        List<String> options = new ArrayList<>();
        addOption(options, "-n", lines);
        addOption(options, "--type", type);
        addOption(options, "--since", since);
        if (follow) {
            options.add("-f");
        }
        return LogQuery.parse(options);
    }

    private static void addOption(List<String> options, String name, String value) {
        if (value != null) {
            options.add(name);
            options.add(value);
        }
    }
}
