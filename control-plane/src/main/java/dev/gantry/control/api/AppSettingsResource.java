package dev.gantry.control.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.gantry.control.InvalidInputException;
import dev.gantry.control.apps.AppSettingsService;
import dev.gantry.control.apps.BuildpackSetting;
import dev.gantry.control.apps.IsolationSetting;
import dev.gantry.control.checks.Durations;
import dev.gantry.control.checks.HealthCheckSpec;
import dev.gantry.control.domain.DeployPolicy;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An app's settings for its next releases, as {@code checks:*}, {@code deploy:*},
 * {@code buildpacks:set} and {@code isolation:*} handle them. Each change is a PATCH or PUT of the
 * wanted values, so sending it again changes nothing.
 */
@Path("/api/v1/apps/{app}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Blocking
public class AppSettingsResource {

    private static final String ENABLED = "enabled";

    private final AppSettingsService settings;
    private final BuildpackSetting buildpack;
    private final IsolationSetting isolation;

    AppSettingsResource(AppSettingsService settings, BuildpackSetting buildpack, IsolationSetting isolation) {
        this.settings = settings;
        this.buildpack = buildpack;
        this.isolation = isolation;
    }

    public record Checks(boolean enabled, String path, String timeout, int attempts,
            @JsonProperty("wait") String waitBetween, String uptime, String boot, String content,
            String description) {
        static Checks of(HealthCheckSpec spec) {
            return new Checks(!spec.disabled(), spec.path(), Durations.format(spec.timeout()), spec.attempts(),
                    Durations.format(spec.waitBetween()), Durations.format(spec.uptime()), Durations.format(spec.boot()),
                    spec.content(), spec.describe());
        }
    }

    public record Policy(String drainTimeout, String stopGrace, String watch, boolean autoRollback) {
        static Policy of(DeployPolicy policy) {
            return new Policy(Durations.format(policy.drainTimeout()), Durations.format(policy.stopGrace()),
                    Durations.format(policy.watchWindow()), policy.autoRollback());
        }
    }

    /** {@code kind} is null when it is detected on each push. */
    public record Buildpack(String kind) {
    }

    @GET
    @Path("/checks")
    public Checks checks(@PathParam("app") String app) {
        return Checks.of(settings.checks(app));
    }

    /** As {@code checks:set} with the same keys, and {@code "enabled": false} as {@code checks:disable}. */
    @PATCH
    @Path("/checks")
    public Checks setChecks(@PathParam("app") String app, Map<String, Object> body) {
        Map<String, Object> rest = body == null ? Map.of() : new LinkedHashMap<>(body);
        if (rest.containsKey(ENABLED)) {
            if (!(rest.remove(ENABLED) instanceof Boolean enabled)) {
                throw new InvalidInputException("enabled: must be true or false");
            }
            settings.enableChecks(app, enabled);
            if (rest.isEmpty()) {
                return checks(app);
            }
        }
        return Checks.of(settings.setChecks(app, SettingsBody.of(rest, "{\"path\": \"/health\", \"timeout\": \"5s\"}")));
    }

    @GET
    @Path("/deploy")
    public Policy policy(@PathParam("app") String app) {
        return Policy.of(settings.policy(app));
    }

    /** As {@code deploy:set}: {@code drain-timeout}, {@code stop-grace}, {@code watch}, {@code auto-rollback}. */
    @PATCH
    @Path("/deploy")
    public Policy setPolicy(@PathParam("app") String app, Map<String, Object> body) {
        return Policy.of(settings.setPolicy(app, SettingsBody.of(body, "{\"drain-timeout\": \"30s\"}")));
    }

    @GET
    @Path("/buildpack")
    public Buildpack buildpack(@PathParam("app") String app) {
        return new Buildpack(buildpack.of(app).orElse(null));
    }

    /** As {@code buildpacks:set}: a kind, or {@code "auto"} to detect it on each push. */
    @PUT
    @Path("/buildpack")
    public Buildpack setBuildpack(@PathParam("app") String app, Buildpack body) {
        if (body == null || body.kind() == null) {
            throw new InvalidInputException("kind: missing. Send e.g. {\"kind\": \"node\"} or {\"kind\": \"auto\"}");
        }
        buildpack.set(app, body.kind());
        return buildpack(app);
    }

    @GET
    @Path("/isolation")
    public IsolationSetting.View isolation(@PathParam("app") String app) {
        return isolation.of(app);
    }

    /** As {@code isolation:set}: {@code {"read-only": "on"}}. */
    @PATCH
    @Path("/isolation")
    public IsolationSetting.View setIsolation(@PathParam("app") String app, Map<String, Object> body) {
        isolation.set(app, SettingsBody.of(body, "{\"read-only\": \"on\"}"));
        return isolation.of(app);
    }
}
