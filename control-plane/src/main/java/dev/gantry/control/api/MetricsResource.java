package dev.gantry.control.api;

import dev.gantry.control.metrics.AppMetrics;
import dev.gantry.control.metrics.AppMetricsReport;
import dev.gantry.control.metrics.MetricsRange;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** As {@code metrics APP}: the app's traffic and instances over the last hour ({@code ?range=1h}) or day ({@code 24h}). */
@Path("/api/v1/apps/{app}/metrics")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class MetricsResource {

    private final AppMetrics metrics;

    MetricsResource(AppMetrics metrics) {
        this.metrics = metrics;
    }

    @GET
    public AppMetricsReport metrics(@PathParam("app") String app, @QueryParam("range") String range) {
        return metrics.of(app, MetricsRange.parse(range));
    }
}
