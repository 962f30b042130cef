package dev.gantry.control.api;

import dev.gantry.control.audit.AuditLog;
import dev.gantry.control.command.CommandDispatcher;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Runs a command for {@code ./gantry COMMAND} on the host, as the administrator (the
 * {@link AdminTokenFilter} has checked the token from {@code GANTRY_HOME/cli-token}). The body is the command's stdin; the exit code comes back in
 * {@value #EXIT_CODE_HEADER}.
 */
@Path("/api/v1/cli")
public class CliResource {

    static final String EXIT_CODE_HEADER = "X-Gantry-Exit-Code";
    public static final String LOCAL_ADMIN = "admin";

    private final CommandDispatcher dispatcher;

    CliResource(CommandDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @POST
    @Blocking
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.TEXT_PLAIN)
    public Response run(@QueryParam("arg") List<String> argv, byte[] stdin) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);
        int exitCode = dispatcher.run(new AuditLog.Actor(LOCAL_ADMIN, "cli", "127.0.0.1"), argv,
                new ByteArrayInputStream(stdin == null ? new byte[0] : stdin), out, out, false);
        return Response.ok(output.toString(StandardCharsets.UTF_8)).header(EXIT_CODE_HEADER, exitCode).build();
    }
}
