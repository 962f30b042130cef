package dev.gantry.control.api;

import dev.gantry.control.command.CommandDispatcher;
import dev.gantry.control.infra.CliToken;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Runs a command for {@code ./gantry COMMAND} on the host, as the administrator, with the token
 * from {@code GANTRY_HOME/cli-token}. The body is the command's stdin; the exit code comes back in
 * {@value #EXIT_CODE_HEADER}.
 */
@Path("/api/v1/cli")
public class CliResource {

    static final String EXIT_CODE_HEADER = "X-Gantry-Exit-Code";
    static final String LOCAL_ADMIN = "admin";

    private final CommandDispatcher dispatcher;
    private final CliToken token;

    CliResource(CommandDispatcher dispatcher, CliToken token) {
        this.dispatcher = dispatcher;
        this.token = token;
    }

    @POST
    @Blocking
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.TEXT_PLAIN)
    public Response run(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @QueryParam("arg") List<String> argv, byte[] stdin) {
        if (authorization == null || !authorization.startsWith("Bearer ")
                || !token.matches(authorization.substring("Bearer ".length()))) {
            throw new UnauthorizedException("the CLI token is missing or wrong. Run ./gantry as root on the Gantry host,"
                    + " which reads GANTRY_HOME/cli-token");
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);
        int exitCode = dispatcher.run(LOCAL_ADMIN, argv, new ByteArrayInputStream(stdin == null ? new byte[0] : stdin),
                out, out);
        return Response.ok(output.toString(StandardCharsets.UTF_8)).header(EXIT_CODE_HEADER, exitCode).build();
    }
}
