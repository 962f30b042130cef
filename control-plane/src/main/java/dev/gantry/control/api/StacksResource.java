package dev.gantry.control.api;

import dev.gantry.control.build.StackImageStatus;
import dev.gantry.control.build.StackImages;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The stack images apps without a Dockerfile build and run on, as {@code stacks:list} shows them. */
@Path("/api/v1/stacks")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class StacksResource {

    private final StackImages stackImages;

    StacksResource(StackImages stackImages) {
        this.stackImages = stackImages;
    }

    public record Stack(String id, String image, String state) {
    }

    @GET
    public List<Stack> list() {
        return stackImages.statuses().stream().map(StacksResource::of).toList();
    }

    private static Stack of(StackImageStatus status) {
        return new Stack(status.id(), status.image(), status.state().description());
    }
}
