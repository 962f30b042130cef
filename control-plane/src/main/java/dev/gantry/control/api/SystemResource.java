package dev.gantry.control.api;

import dev.gantry.control.gc.DiskUsageByApp;
import dev.gantry.control.gc.GarbageCollector;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The node's disk: use by app ({@code system:df}) and garbage collection now ({@code system:prune}). */
@Path("/api/v1/system")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class SystemResource {

    private final DiskUsageByApp usage;
    private final GarbageCollector collector;

    SystemResource(DiskUsageByApp usage, GarbageCollector collector) {
        this.usage = usage;
        this.collector = collector;
    }

    @GET
    @Path("df")
    public DiskUsageByApp.Report df() {
        return usage.report();
    }

    /** Safe to retry: a second pass finds nothing more to remove. */
    @POST
    @Path("prune")
    public GarbageCollector.Removed prune() {
        return collector.collect();
    }
}
