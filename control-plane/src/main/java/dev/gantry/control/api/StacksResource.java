package dev.gantry.control.api;

import dev.gantry.control.InvalidInputException;
import dev.gantry.control.build.StackImageStatus;
import dev.gantry.control.build.StackImages;
import dev.gantry.control.users.Authorization;
import dev.gantry.control.users.Permission;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The stack images apps without a Dockerfile build and run on, as {@code stacks:list} shows them and
 * {@code stacks:rebuild} (admins) builds them anew.
 */
@Path("/api/v1/stacks")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class StacksResource {

    private static final Logger LOG = Logger.getLogger(StacksResource.class);

    private final StackImages stackImages;
    private final Authorization authorization;
    private final RestCaller caller;

    StacksResource(StackImages stackImages, Authorization authorization, RestCaller caller) {
        this.stackImages = stackImages;
        this.authorization = authorization;
        this.caller = caller;
    }

    public record Stack(String id, String image, String state) {
    }

    @GET
    public List<Stack> list() {
        return stackImages.statuses().stream().map(StacksResource::of).toList();
    }

    /** As {@code stacks:rebuild [STACK]}: minutes of apt-get; answers the stacks once they are built. */
    @POST
    @Path("/rebuild")
    public List<Stack> rebuild(@QueryParam("stack") String stack) {
        authorization.check(caller.user(), Permission.ADMIN, null, "stacks:rebuild");
        if (stack != null && !stackImages.names().contains(stack)) {
            throw new InvalidInputException("stack: unknown stack '" + stack + "'. Use one of "
                    + String.join(", ", stackImages.names()) + ", or leave it out for all");
        }
        stackImages.rebuild(Optional.ofNullable(stack), line -> LOG.infof("stacks:rebuild: %s", line.trim()));
        return list();
    }

    private static Stack of(StackImageStatus status) {
        return new Stack(status.id(), status.image(), status.state().description());
    }
}
