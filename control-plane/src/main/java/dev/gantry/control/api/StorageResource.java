package dev.gantry.control.api;

import dev.gantry.control.deploy.StorageService;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** An app's volumes and their mounts, as {@code storage:list} shows them. */
@Path("/api/v1/apps/{app}/storage")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class StorageResource {

    private final StorageService storage;

    StorageResource(StorageService storage) {
        this.storage = storage;
    }

    @GET
    public List<StorageService.StorageView> list(@PathParam("app") String app) {
        return storage.list(app);
    }
}
