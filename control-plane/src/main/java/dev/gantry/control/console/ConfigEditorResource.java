package dev.gantry.control.console;

import dev.gantry.control.GantryException;
import dev.gantry.control.config.ConfigService;
import dev.gantry.control.releases.RolloutTarget;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The config vars editor: values masked until revealed, and adds, edits and removals saved as one
 * change, so one release, as a REST PATCH of the config makes it.
 */
@ConsoleGuarded
@Path("/console/apps/{app}/config")
@Produces(MediaType.TEXT_HTML)
@Blocking
public class ConfigEditorResource {

    private final ConfigService config;
    private final SignedIn signedIn;
    private final ConsoleActions actions;

    ConfigEditorResource(ConfigService config, SignedIn signedIn, ConsoleActions actions) {
        this.config = config;
        this.signedIn = signedIn;
        this.actions = actions;
    }

    @GET
    public String editor(@PathParam("app") String app, @QueryParam("reveal") boolean reveal) {
        List<ConsolePages.ConfigVar> vars = config.config(app).entrySet().stream()
                .map(entry -> new ConsolePages.ConfigVar(entry.getKey(), reveal ? entry.getValue() : "",
                        "•••••••• (" + entry.getValue().getBytes(StandardCharsets.UTF_8).length + " bytes)"))
                .toList();
        return ConsolePages.config(ConsolePages.Frame.of(signedIn.session()), app, vars, reveal).render();
    }

    /** Rows of {@code key} and {@code value} fields in the same order, and a {@code remove} per ticked key. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@PathParam("app") String app, @RestForm List<String> key, @RestForm List<String> value,
            @RestForm List<String> remove) {
        actions.run("config:set", app, progress -> {
            Map<String, String> changes = ConfigEdit.changes(config.config(app), FormRows.pairs(key, value),
                    FormRows.orEmpty(remove));
            Optional<RolloutTarget> released = config.patch(app, changes, signedIn.session().user(), progress);
            return released.map(target -> "Saved; " + app + " now runs " + target.label())
                    .orElse("Saved; the first deploy of " + app + " will use it");
        });
        return ConsoleResponses.backTo(AppResource.path(app) + "/config");
    }

    @ServerExceptionMapper
    public Response refused(GantryException e) {
        return ConsoleResponses.refused(e);
    }
}
