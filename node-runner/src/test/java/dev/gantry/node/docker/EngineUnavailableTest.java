package dev.gantry.node.docker;

import dev.gantry.node.EngineUnavailableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EngineUnavailableTest {

    @Test
    void aMissingSocketSaysWhereAndHowToFixIt() throws Exception {
        try (DockerEngine engine = DockerEngine.connect("unix:///nonexistent.sock")) {
            EngineUnavailableException e = assertThrows(EngineUnavailableException.class, engine::ping);
            assertEquals("the Docker engine is not reachable at unix:///nonexistent.sock (no socket there). "
                    + "Start it (`systemctl start docker` or `dockerd`), or set DOCKER_HOST to where it listens, and retry.",
                    e.getMessage());
        }
    }

    @Test
    void aSocketNobodyListensOnIsRefused(@TempDir Path dir) throws Exception {
        Path socket = dir.resolve("stale.sock");
        // Closing the channel leaves the socket file behind, like a crashed daemon does.
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
        }
        try (DockerEngine engine = DockerEngine.connect("unix://" + socket)) {
            EngineUnavailableException e = assertThrows(EngineUnavailableException.class, engine::ping);
            assertEquals("the Docker engine is not reachable at unix://" + socket + " (connection refused). "
                    + "Start it (`systemctl start docker` or `dockerd`), or set DOCKER_HOST to where it listens, and retry.",
                    e.getMessage());
        }
    }

    @Test
    void everyOperationReportsTheSameWay() throws Exception {
        try (DockerEngine engine = DockerEngine.connect("unix:///nonexistent.sock")) {
            assertThrows(EngineUnavailableException.class, () -> engine.list(java.util.Map.of()));
            assertThrows(EngineUnavailableException.class, () -> engine.inspect("x"));
            assertThrows(EngineUnavailableException.class, () -> engine.removeImage("x"));
        }
    }
}
