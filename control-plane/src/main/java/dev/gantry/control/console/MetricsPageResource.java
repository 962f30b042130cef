package dev.gantry.control.console;

import dev.gantry.control.GantryException;
import dev.gantry.control.metrics.AppMetrics;
import dev.gantry.control.metrics.MetricsRange;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The Metrics tab: the figures of {@code metrics APP} as charts drawn on the server, for the last hour or day. */
@ConsoleGuarded
@Path("/console/apps/{app}/metrics")
@Produces(MediaType.TEXT_HTML)
@Blocking
public class MetricsPageResource {

    private final AppMetrics metrics;
    private final SignedIn signedIn;

    MetricsPageResource(AppMetrics metrics, SignedIn signedIn) {
        this.metrics = metrics;
        this.signedIn = signedIn;
    }

    @GET
    public String page(@PathParam("app") String app, @QueryParam("range") String range) {
        return ConsolePages.metrics(ConsolePages.Frame.of(signedIn.session()),
                MetricsView.of(metrics.of(app, MetricsRange.parse(range)))).render();
    }

    @ServerExceptionMapper
    public Response refused(GantryException e) {
        return ConsoleResponses.refused(e);
    }
}
