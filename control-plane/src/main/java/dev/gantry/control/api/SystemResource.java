package dev.gantry.control.api;

import dev.gantry.control.config.ConfigKeyRotation;
import dev.gantry.control.gc.DiskUsageByApp;
import dev.gantry.control.gc.GarbageCollector;
import dev.gantry.control.telemetry.ControlPlaneMetrics;
import dev.gantry.control.users.Authorization;
import dev.gantry.control.users.Permission;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The node's disk: use by app ({@code system:df}) and garbage collection now ({@code system:prune});
 * a new config encryption key ({@code config:rotate-key}); the control plane's Prometheus figures. All
 * span every app, so all are for admins.
 */
@Path("/api/v1/system")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class SystemResource {

    private final DiskUsageByApp usage;
    private final GarbageCollector collector;
    private final ConfigKeyRotation rotation;
    private final Authorization authorization;
    private final RestCaller caller;
    private final ControlPlaneMetrics metrics;

    SystemResource(DiskUsageByApp usage, GarbageCollector collector, ConfigKeyRotation rotation,
            Authorization authorization, RestCaller caller, ControlPlaneMetrics metrics) {
        this.metrics = metrics;
        this.usage = usage;
        this.collector = collector;
        this.rotation = rotation;
        this.authorization = authorization;
        this.caller = caller;
    }

    @GET
    @Path("df")
    public DiskUsageByApp.Report df() {
        authorization.check(caller.user(), Permission.ADMIN, null, "system:df");
        return usage.report();
    }

    /**
     * The control plane's own figures in Prometheus' text format, for a scraper given an admin's API
     * token (its {@code authorization: credentials_file}); the apps' traffic is the router's
     * {@code /metrics} and {@code GET /apps/APP/metrics}.
     */
    @GET
    @Path("metrics")
    @Produces("text/plain; version=0.0.4; charset=utf-8")
    public String metrics() {
        authorization.check(caller.user(), Permission.ADMIN, null, "system metrics");
        return metrics.text();
    }

    /** Safe to retry: a second pass finds nothing more to remove. */
    @POST
    @Path("prune")
    public GarbageCollector.Removed prune() {
        authorization.check(caller.user(), Permission.ADMIN, null, "system:prune");
        return collector.collect();
    }

    /** What the rotation did, in {@code config:rotate-key}'s words. */
    public record Rotated(String result) {
    }

    /** As {@code config:rotate-key}: every app's config is encrypted again with a new key. */
    @POST
    @Path("config-key/rotate")
    public Rotated rotateConfigKey() {
        authorization.check(caller.user(), Permission.ADMIN, null, "config:rotate-key");
        return new Rotated(rotation.rotate());
    }
}
