package dev.gantry.control.api;

import dev.gantry.common.LineSink;
import dev.gantry.control.InvalidInputException;
import dev.gantry.control.apps.AppService;
import dev.gantry.control.cluster.PlacementService;
import dev.gantry.control.formation.InstanceReport;
import dev.gantry.control.formation.LimitsService;
import dev.gantry.control.formation.RestartService;
import dev.gantry.control.formation.ScaleService;
import dev.gantry.node.ResourceLimits;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The formation and instances of an app, as {@code ps}, {@code ps:scale}, {@code ps:restart},
 * {@code limits} and {@code limits:set} handle them. Scaling to the same counts again changes
 * nothing, so a PATCH is safe to retry.
 */
@Path("/api/v1/apps/{app}")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class FormationResource {

    private static final Logger LOG = Logger.getLogger(FormationResource.class);

    private final ScaleService scale;
    private final RestartService restarts;
    private final LimitsService limits;
    private final PlacementService placement;
    private final InstanceReport report;
    private final AppService apps;
    private final RestCaller caller;

    FormationResource(ScaleService scale, RestartService restarts, LimitsService limits, PlacementService placement,
            InstanceReport report, AppService apps, RestCaller caller) {
        this.scale = scale;
        this.restarts = restarts;
        this.limits = limits;
        this.placement = placement;
        this.report = report;
        this.apps = apps;
        this.caller = caller;
    }

    /** One process type: how many instances, and what each may use. */
    public record ProcessTypeResponse(String type, int quantity, String limits) {
    }

    /** The body of a restart: one process type, or every instance when absent. */
    public record RestartRequest(String type) {
    }

    @GET
    @Path("/formation")
    public List<ProcessTypeResponse> formation(@PathParam("app") String app) {
        apps.get(app);
        // The formation first: it creates the rows (and so the limits) of types a release added.
        Map<String, Integer> counts = report.formation(app);
        Map<String, ResourceLimits> limitsByType = limits.limits(app);
        return counts.entrySet().stream()
                .map(entry -> new ProcessTypeResponse(entry.getKey(), entry.getValue(),
                        LimitsService.describe(limitsByType.get(entry.getKey()))))
                .toList();
    }

    /** Body {@code {"web": 3, "worker": 0}}. */
    @PATCH
    @Path("/formation")
    @Consumes(MediaType.APPLICATION_JSON)
    public List<ProcessTypeResponse> scale(@PathParam("app") String app, Map<String, Integer> counts) {
        if (counts == null || counts.isEmpty()) {
            throw new InvalidInputException("nothing to scale. Send e.g. {\"web\": 2, \"worker\": 1}");
        }
        Map<String, String> asText = new LinkedHashMap<>();
        counts.forEach((type, count) -> asText.put(type, count == null ? "" : count.toString()));
        scale.scale(app, ScaleService.parseCounts(asText), caller.user(), log(app));
        return formation(app);
    }

    /** Body {@code {"memory": "512m", "cpus": "0.5", "pids": "256"}}, any of them; "default" resets one. */
    @PATCH
    @Path("/formation/{type}/limits")
    @Consumes(MediaType.APPLICATION_JSON)
    public ProcessTypeResponse setLimits(@PathParam("app") String app, @PathParam("type") String type,
            Map<String, String> settings) {
        ResourceLimits set = limits.set(app, type, settings == null ? Map.of() : settings, caller.user());
        return new ProcessTypeResponse(type, report.formation(app).getOrDefault(type, 0), LimitsService.describe(set));
    }

    /**
     * As {@code ps:place}: body {@code {"zone": "a"}} runs the type only on hosts with those labels, {@code {}}
     * on any host; the running instances elsewhere move.
     */
    @PUT
    @Path("/formation/{type}/placement")
    @Consumes(MediaType.APPLICATION_JSON)
    public PlacementService.Placed place(@PathParam("app") String app, @PathParam("type") String type,
            Map<String, String> labels) {
        List<String> arguments = labels == null || labels.isEmpty() ? List.of(PlacementService.ANYWHERE)
                : labels.entrySet().stream().map(label -> label.getKey() + "=" + label.getValue()).toList();
        return placement.place(app, type, arguments, caller.user(), log(app));
    }

    /** As {@code limits}: what each instance of each type may use, e.g. {@code {"web": "memory=1g cpus=unlimited pids=512"}}. */
    @GET
    @Path("/limits")
    public Map<String, String> limits(@PathParam("app") String app) {
        Map<String, String> described = new LinkedHashMap<>();
        limits.limits(app).forEach((type, value) -> described.put(type, LimitsService.describe(value)));
        return described;
    }

    @GET
    @Path("/instances")
    public List<InstanceReport.Row> instances(@PathParam("app") String app) {
        apps.get(app);
        return report.rows(app);
    }

    @POST
    @Path("/restart")
    @Consumes(MediaType.APPLICATION_JSON)
    public List<InstanceReport.Row> restart(@PathParam("app") String app, RestartRequest request) {
        restarts.restart(app, Optional.ofNullable(request == null ? null : request.type()), caller.user(),
                log(app));
        return report.rows(app);
    }

    /** As {@code ps:stop}: maintenance, nothing runs and the router answers 503 until started. */
    @POST
    @Path("/stop")
    public List<InstanceReport.Row> stop(@PathParam("app") String app) {
        scale.stop(app, caller.user(), log(app));
        return report.rows(app);
    }

    /** As {@code ps:start}. */
    @POST
    @Path("/start")
    public List<ProcessTypeResponse> start(@PathParam("app") String app) {
        scale.start(app, caller.user(), log(app));
        return formation(app);
    }

    private static LineSink log(String app) {
        return line -> LOG.infof("%s: %s", app, line.trim());
    }
}
