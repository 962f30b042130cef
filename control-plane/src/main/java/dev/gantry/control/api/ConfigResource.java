package dev.gantry.control.api;

import dev.gantry.control.InvalidInputException;
import dev.gantry.control.config.ConfigService;
import dev.gantry.control.releases.RolloutTarget;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * An app's config vars, as {@code config}, {@code config:set} and {@code config:unset} handle them:
 * values hidden unless {@code reveal=true}; a PATCH sets and unsets ({@code null}) in one release.
 */
@Path("/api/v1/apps/{app}/config")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class ConfigResource {

    private static final Logger LOG = Logger.getLogger(ConfigResource.class);

    private final ConfigService config;
    private final RestCaller caller;

    ConfigResource(ConfigService config, RestCaller caller) {
        this.config = config;
        this.caller = caller;
    }

    /** The vars, and the release that serves them once a change rolled out. */
    public record ConfigResponse(Map<String, String> vars, Integer release) {
    }

    @GET
    public ConfigResponse get(@PathParam("app") String app, @QueryParam("reveal") boolean reveal) {
        return new ConfigResponse(shown(config.config(app), reveal), null);
    }

    @PATCH
    @Consumes(MediaType.APPLICATION_JSON)
    public ConfigResponse patch(@PathParam("app") String app, Map<String, Object> body) {
        Optional<RolloutTarget> released = config.patch(app, changes(body), caller.user(),
                line -> LOG.infof("%s config: %s", app, line.trim()));
        return new ConfigResponse(shown(config.config(app), false), released.map(RolloutTarget::version).orElse(null));
    }

    /** Values must be JSON strings (or null): a number would be stored as text nobody asked for. */
    private static Map<String, String> changes(Map<String, Object> body) {
        Map<String, String> changes = new LinkedHashMap<>();
        if (body != null) {
            body.forEach((key, value) -> {
                if (value != null && !(value instanceof String)) {
                    throw new InvalidInputException(key + ": config values are strings (or null to unset), e.g. {\""
                            + key + "\": \"" + value + "\"}");
                }
                changes.put(key, (String) value);
            });
        }
        return changes;
    }

    private static Map<String, String> shown(Map<String, String> vars, boolean reveal) {
        Map<String, String> shown = new LinkedHashMap<>();
        vars.forEach((key, value) -> shown.put(key, reveal ? value
                : "******** (" + value.getBytes(StandardCharsets.UTF_8).length + " bytes)"));
        return shown;
    }
}
