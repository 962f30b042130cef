package dev.gantry.control.api;

import dev.gantry.control.InvalidInputException;
import dev.gantry.control.storage.StorageService;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;

/** An app's volumes and their mounts, as the {@code storage:*} commands handle them. */
@Path("/api/v1/apps/{app}/storage")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class StorageResource {

    private final StorageService storage;
    private final RestCaller caller;

    StorageResource(StorageService storage, RestCaller caller) {
        this.storage = storage;
        this.caller = caller;
    }

    /** Body of a POST: the volume's name. */
    public record NewStorage(String name) {
    }

    /** Body of a mount: where, and optionally in one process type only. */
    public record Mount(String path, String type) {
    }

    @GET
    public List<StorageService.StorageView> list(@PathParam("app") String app) {
        return storage.list(app);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@PathParam("app") String app, NewStorage request) {
        if (request == null || request.name() == null) {
            throw new InvalidInputException("name: missing. Send e.g. {\"name\": \"data\"}");
        }
        storage.create(app, request.name(), caller.user());
        return Response.status(Response.Status.CREATED).entity(storage.list(app)).build();
    }

    /** As {@code storage:destroy APP NAME --force}: {@code ?confirm=NAME} is the REST form of --force. */
    @DELETE
    @Path("/{name}")
    public List<StorageService.StorageView> destroy(@PathParam("app") String app, @PathParam("name") String name,
            @QueryParam("confirm") String confirm) {
        if (!name.equals(confirm)) {
            throw new InvalidInputException("destroying " + name + " deletes its data for good. Repeat its name to"
                    + " confirm: DELETE /api/v1/apps/" + app + "/storage/" + name + "?confirm=" + name);
        }
        storage.destroy(app, name, caller.user());
        return storage.list(app);
    }

    /** As {@code storage:mount}; instances started from now on get it ({@code restart} gives it to the running ones). */
    @POST
    @Path("/{name}/mounts")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response mount(@PathParam("app") String app, @PathParam("name") String name, Mount request) {
        storage.mount(app, name + ":" + path(request == null ? null : request.path()),
                Optional.ofNullable(request.type()), caller.user());
        return Response.status(Response.Status.CREATED).entity(storage.list(app)).build();
    }

    /** As {@code storage:unmount}; the data is kept. The path is a query parameter since it holds {@code /}. */
    @DELETE
    @Path("/{name}/mounts")
    public List<StorageService.StorageView> unmount(@PathParam("app") String app, @PathParam("name") String name,
            @QueryParam("path") String path) {
        storage.unmount(app, name + ":" + path(path), caller.user());
        return storage.list(app);
    }

    private static String path(String path) {
        if (path == null || path.isBlank()) {
            throw new InvalidInputException("path: missing. Give the absolute path in the container, e.g. /data");
        }
        return path;
    }
}
