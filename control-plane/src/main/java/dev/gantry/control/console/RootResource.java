package dev.gantry.control.console;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/**
 * A person who opens the host's port ({@code http://HOST:8000/}) expects the console, not a 404
 * problem document; the REST API stays under {@code /api/v1}.
 */
@Path("/")
public class RootResource {

    @GET
    public Response console() {
        return ConsoleResponses.backTo(ConsoleGuard.CONSOLE);
    }
}
