package dev.gantry.control.api;

import dev.gantry.control.InvalidInputException;
import dev.gantry.control.oneoff.OneOffRunner;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code run} for automation: a one-off container of the current release runs the command with
 * the given stdin; the answer carries its exit code and output (the first {@value #MAX_OUTPUT_BYTES}
 * bytes; use SSH for more, or for a terminal).
 */
@Path("/api/v1/apps/{app}/run")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class RunResource {

    static final int MAX_OUTPUT_BYTES = 1024 * 1024;

    private final OneOffRunner runner;
    private final RestCaller caller;

    RunResource(OneOffRunner runner, RestCaller caller) {
        this.runner = runner;
        this.caller = caller;
    }

    /** {@code command} is the program and its arguments (no shell); {@code stdin} is optional text. */
    public record RunRequest(List<String> command, String stdin) {
    }

    public record RunResponse(int exitCode, String output, boolean truncated) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public RunResponse run(@PathParam("app") String app, RunRequest request) {
        if (request == null || request.command() == null) {
            throw new InvalidInputException("command: missing. Send e.g. {\"command\": [\"sh\", \"-c\", \"echo hi\"]}");
        }
        BoundedOutput output = new BoundedOutput();
        byte[] stdin = request.stdin() == null ? new byte[0] : request.stdin().getBytes(StandardCharsets.UTF_8);
        int exitCode = runner.run(app, request.command(), caller.user(), new ByteArrayInputStream(stdin),
                output, output, false);
        return new RunResponse(exitCode, output.text(), output.truncated);
    }

    /** Keeps the first bytes of stdout and stderr, interleaved as they came; the rest is dropped. */
    private static final class BoundedOutput extends OutputStream {
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private boolean truncated;

        @Override
        public synchronized void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) {
            int fits = Math.min(length, MAX_OUTPUT_BYTES - kept.size());
            kept.write(bytes, offset, fits);
            truncated |= fits < length;
        }

        synchronized String text() {
            return kept.toString(StandardCharsets.UTF_8);
        }
    }
}
