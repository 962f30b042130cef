package dev.gantry.node.docker;

import com.github.dockerjava.core.RemoteApiVersion;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ApiVersionNegotiationTest {

    @Test
    void speaksAnOlderEnginesOwnVersion() {
        assertEquals(RemoteApiVersion.VERSION_1_41, ApiVersionNegotiation.choose("1.41"));
    }

    @Test
    void capsANewerEngineAtWhatTheClientModels() {
        assertEquals(RemoteApiVersion.VERSION_1_44, ApiVersionNegotiation.choose("1.51"));
        assertEquals(RemoteApiVersion.VERSION_1_44, ApiVersionNegotiation.choose(null));
    }

    @Test
    void theLocalEngineAcceptsTheNegotiatedVersion() throws Exception {
        try (DockerEngine engine = DockerEngine.fromEnvironment()) {
            engine.ping();
            assertEquals(java.util.List.of(), engine.list(java.util.Map.of("gantry.test", "no-such-run")));
        }
    }
}
