package dev.gantry.node.docker;

import com.github.dockerjava.api.exception.BadRequestException;
import com.github.dockerjava.api.exception.ConflictException;
import org.junit.jupiter.api.Test;

import java.net.SocketException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EngineFailuresTest {

    @Test
    void unwrapsTheEnginesJsonMessage() {
        assertEquals("dockerfile parse error line 2: unknown instruction: FOO", EngineFailures.engineMessage(
                new BadRequestException("Status 400: {\"message\":\"dockerfile parse error line 2: unknown instruction: FOO\"}\n")));
        assertEquals("plain text", EngineFailures.engineMessage(new ConflictException("plain text\n")));
    }

    @Test
    void anHttpErrorIsNotAnUnavailableEngine() {
        assertTrue(EngineFailures.unavailable(new ConflictException("Status 409: refused"), "unix:///x").isEmpty());
    }

    @Test
    void permissionDeniedSuggestsTheDockerGroup() {
        String message = EngineFailures.unavailable(
                new RuntimeException(new SocketException("Permission denied")), "unix:///var/run/docker.sock")
                .orElseThrow().getMessage();
        assertEquals("the Docker engine is not reachable at unix:///var/run/docker.sock (permission denied). "
                + "Run Gantry as a user in the 'docker' group (or root), or set DOCKER_HOST to a socket it may use, "
                + "and retry.", message);
    }
}
