package dev.gantry.control.api;

import dev.gantry.control.InvalidInputException;
import dev.gantry.control.services.BackingServices;
import dev.gantry.control.services.CronSchedule;
import dev.gantry.control.services.ServiceBackups;
import dev.gantry.control.services.ServiceCatalog;
import dev.gantry.control.services.ServiceLinks;
import dev.gantry.control.services.ServiceReport;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Backing services, as the {@code services:*} commands handle them: {@code ?confirm=NAME} is the REST
 * form of {@code --force}, and the password shows only with {@code ?reveal=true}.
 */
@Path("/api/v1/services")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class ServicesResource {

    private static final Logger LOG = Logger.getLogger(ServicesResource.class);

    private final BackingServices services;
    private final ServiceReport report;
    private final ServiceLinks links;
    private final ServiceBackups backups;
    private final ServiceCatalog catalog;
    private final RestCaller caller;

    ServicesResource(BackingServices services, ServiceReport report, ServiceLinks links, ServiceBackups backups,
            ServiceCatalog catalog, RestCaller caller) {
        this.services = services;
        this.report = report;
        this.links = links;
        this.backups = backups;
        this.catalog = catalog;
        this.caller = caller;
    }

    /** Body of {@code POST /services}: {@code {"type": "postgres", "name": "shopdb"}}, version optional. */
    public record NewService(String type, String name, String version) {
    }

    /** Body of a link: the app, and the alias ({@code DATABASE} or {@code REDIS} unless given). */
    public record NewLink(String app, String as) {
    }

    /** Body of the schedule: a cron expression or null for none, and how many backups stay (unchanged if null). */
    public record Schedule(String schedule, Integer keep) {
    }

    public record LinkResponse(String app, String alias) {
    }

    /** {@code dataBytes} is -1 when the node cannot say; {@code url}'s password is hidden unless revealed. */
    public record ServiceResponse(String name, String type, String version, String state, Instant since,
            long dataBytes, String url, List<LinkResponse> links, String backupSchedule, int backupsKept,
            ServiceBackups.Backup lastBackup, String createdBy, Instant createdAt) {
    }

    /** In the listing: no size or URL, which take the node's disk report and the password. */
    public record ServiceSummary(String name, String type, String version, String state, List<LinkResponse> links) {
    }

    @GET
    public List<ServiceSummary> list() {
        return report.list(caller.user()).stream().map(view -> new ServiceSummary(view.name(), view.kind().word(),
                view.version(), report.state(view.name()), links(view))).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(NewService request) {
        if (request == null || request.type() == null || request.name() == null) {
            throw new InvalidInputException("type and name: missing. Send e.g. {\"type\": \"postgres\", \"name\":"
                    + " \"shopdb\"}");
        }
        services.create(request.type(), request.name(), Optional.ofNullable(request.version()), caller.user(),
                line -> LOG.infof("services:create %s: %s", request.name(), line.strip()));
        return Response.status(Response.Status.CREATED).entity(info(request.name(), false)).build();
    }

    @GET
    @Path("/{name}")
    public ServiceResponse get(@PathParam("name") String name, @QueryParam("reveal") boolean reveal) {
        return info(name, reveal);
    }

    @DELETE
    @Path("/{name}")
    public Response destroy(@PathParam("name") String name, @QueryParam("confirm") String confirm) {
        if (!name.equals(confirm)) {
            throw new InvalidInputException("destroying " + name + " deletes its data for good. Repeat its name to"
                    + " confirm: DELETE /api/v1/services/" + name + "?confirm=" + name);
        }
        services.destroy(name, caller.user(), line -> LOG.infof("services:destroy %s: %s", name, line.strip()));
        return Response.noContent().build();
    }

    @POST
    @Path("/{name}/links")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response link(@PathParam("name") String name, NewLink request) {
        if (request == null || request.app() == null) {
            throw new InvalidInputException("app: missing. Send e.g. {\"app\": \"shop\"} or {\"app\": \"shop\", \"as\":"
                    + " \"ANALYTICS\"}");
        }
        links.link(name, request.app(), Optional.ofNullable(request.as()), caller.user(),
                line -> LOG.infof("services:link %s: %s", name, line.strip()));
        return Response.status(Response.Status.CREATED).entity(info(name, false)).build();
    }

    @DELETE
    @Path("/{name}/links/{app}")
    public ServiceResponse unlink(@PathParam("name") String name, @PathParam("app") String app) {
        links.unlink(name, app, caller.user(), line -> LOG.infof("services:unlink %s: %s", name, line.strip()));
        return info(name, false);
    }

    @GET
    @Path("/{name}/backups")
    public List<ServiceBackups.Backup> backups(@PathParam("name") String name) {
        return backups.list(name, caller.user());
    }

    @POST
    @Path("/{name}/backups")
    public Response backup(@PathParam("name") String name) {
        ServiceBackups.Backup backup = backups.backup(name, caller.user(),
                line -> LOG.infof("services:backup %s: %s", name, line.strip()));
        return Response.status(Response.Status.CREATED).entity(backup).build();
    }

    /** As {@code services:restore NAME ID --force}. */
    @POST
    @Path("/{name}/backups/{id}/restore")
    public ServiceResponse restore(@PathParam("name") String name, @PathParam("id") String id,
            @QueryParam("confirm") String confirm) {
        if (!name.equals(confirm)) {
            throw new InvalidInputException("restoring " + id + " replaces everything " + name + " holds now. Repeat"
                    + " its name to confirm: POST /api/v1/services/" + name + "/backups/" + id + "/restore?confirm="
                    + name);
        }
        backups.restore(name, id, caller.user(), line -> LOG.infof("services:restore %s: %s", name, line.strip()));
        return info(name, false);
    }

    /** As {@code services:backup-schedule}: {@code {"schedule": "0 3 * * *", "keep": 7}}; a null schedule is off. */
    @PUT
    @Path("/{name}/backup-schedule")
    @Consumes(MediaType.APPLICATION_JSON)
    public ServiceResponse schedule(@PathParam("name") String name, Schedule request) {
        if (request == null) {
            throw new InvalidInputException("body: missing. Send e.g. {\"schedule\": \"0 3 * * *\", \"keep\": 7}, or"
                    + " {\"schedule\": null} for none");
        }
        catalog.schedule(name, caller.user(), Optional.ofNullable(request.schedule()).map(CronSchedule::parse),
                Optional.ofNullable(request.keep()));
        return info(name, false);
    }

    private ServiceResponse info(String name, boolean reveal) {
        ServiceReport.ServiceInfo info = report.info(name, caller.user(), reveal);
        ServiceCatalog.ServiceView view = info.service();
        return new ServiceResponse(view.name(), view.kind().word(), view.version(), info.state(),
                info.since().orElse(null), info.dataBytes(), info.url(), links(view),
                view.backupSchedule().orElse(null), view.backupsKept(), info.lastBackup().orElse(null), view.createdBy(),
                view.createdAt());
    }

    private static List<LinkResponse> links(ServiceCatalog.ServiceView view) {
        return view.links().stream().map(link -> new LinkResponse(link.app(), link.alias())).toList();
    }
}
