package dev.gantry.control.console;

import dev.gantry.control.GantryException;
import dev.gantry.control.InvalidInputException;
import dev.gantry.control.services.BackingServices;
import dev.gantry.control.services.ServiceBackups;
import dev.gantry.control.services.ServiceLinks;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The services list and each service's page, and the changes made from them: create, link, unlink,
 * back up, restore, destroy. Each goes through the service its {@code services:*} command uses.
 */
@ConsoleGuarded
@Path(ServicesPageResource.PATH)
@Produces(MediaType.TEXT_HTML)
@Blocking
public class ServicesPageResource {

    static final String PATH = "/console/services";

    private final ServiceOverview overview;
    private final SignedIn signedIn;
    private final ConsoleActions actions;
    private final BackingServices services;
    private final ServiceLinks links;
    private final ServiceBackups backups;

    ServicesPageResource(ServiceOverview overview, SignedIn signedIn, ConsoleActions actions, BackingServices services,
            ServiceLinks links, ServiceBackups backups) {
        this.overview = overview;
        this.signedIn = signedIn;
        this.actions = actions;
        this.services = services;
        this.links = links;
        this.backups = backups;
    }

    static String path(String service) {
        return PATH + "/" + service;
    }

    @GET
    public String list() {
        return ConsolePages.services(frame(), overview.summaries(user())).render();
    }

    @POST
    @Path("/create")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@RestForm String type, @RestForm String name) {
        String service = text(name);
        actions.run("services:create " + service, null, progress -> "Created "
                + services.create(text(type), service, Optional.empty(), user(), progress));
        return ConsoleResponses.backTo(PATH);
    }

    @GET
    @Path("/{name}")
    public String page(@PathParam("name") String name) {
        return ConsolePages.service(frame(), overview.of(name, user())).render();
    }

    @POST
    @Path("/{name}/link")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response link(@PathParam("name") String name, @RestForm String app, @RestForm String as) {
        actions.run("services:link " + name, text(app), progress -> "Linked " + name + " to " + app + ": " + String.join(
                ", ", links.link(name, text(app), Optional.of(text(as)).filter(a -> !a.isEmpty()), user(), progress)
                        .keySet()));
        return ConsoleResponses.backTo(path(name));
    }

    @POST
    @Path("/{name}/unlink")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response unlink(@PathParam("name") String name, @RestForm String app) {
        actions.run("services:unlink " + name, text(app), progress -> {
            links.unlink(name, text(app), user(), progress);
            return "Unlinked " + name + " from " + app;
        });
        return ConsoleResponses.backTo(path(name));
    }

    @POST
    @Path("/{name}/backup")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response backup(@PathParam("name") String name) {
        actions.run("services:backup " + name, null, progress -> "Backed up " + name + " as "
                + backups.backup(name, user(), progress).id());
        return ConsoleResponses.backTo(path(name));
    }

    @POST
    @Path("/{name}/restore")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response restore(@PathParam("name") String name, @RestForm String backup) {
        String id = text(backup);
        actions.run("services:restore " + name + (ServiceBackups.isBackupId(id) ? " " + id : ""), null, progress -> {
            backups.restore(name, id, user(), progress);
            return "Restored " + name + " from " + id;
        });
        return ConsoleResponses.backTo(path(name));
    }

    /** The form repeats the service's name, the console's form of {@code --force}; the outcome shows on the list. */
    @POST
    @Path("/{name}/destroy")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response destroy(@PathParam("name") String name, @RestForm String confirm) {
        actions.run("services:destroy " + name, null, progress -> {
            if (!name.equals(text(confirm))) {
                throw new InvalidInputException("destroying " + name + " deletes its data for good. Type its name"
                        + " to confirm");
            }
            services.destroy(name, user(), progress);
            return "Destroyed " + name + " and its data";
        });
        return ConsoleResponses.backTo(PATH);
    }

    @ServerExceptionMapper
    public Response refused(GantryException e) {
        return ConsoleResponses.refused(e);
    }

    private ConsolePages.Frame frame() {
        return ConsolePages.Frame.of(signedIn.session());
    }

    private String user() {
        return signedIn.session().user();
    }

    private static String text(String field) {
        return field == null ? "" : field.trim();
    }
}
