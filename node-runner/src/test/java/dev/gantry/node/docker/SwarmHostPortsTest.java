package dev.gantry.node.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gantry.node.ContainerStartFailedException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Each cluster instance gets a host port of its own, read back from its service's spec. */
class SwarmHostPortsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode publishedAt(int port) throws IOException {
        return JSON.readTree(("{'Spec': {'EndpointSpec': {'Ports': [{'TargetPort': 5000, 'PublishMode': 'host'"
                + (port == 0 ? "" : ", 'PublishedPort': " + port) + "}]}}}").replace('\'', '"'));
    }

    @Test
    void theLowestPortNoServiceIsPublishedAtIsChosen() throws IOException {
        assertEquals(SwarmHostPorts.FIRST, SwarmHostPorts.free(List.of()));
        assertEquals(SwarmHostPorts.FIRST + 1, SwarmHostPorts.free(List.of(publishedAt(SwarmHostPorts.FIRST),
                publishedAt(SwarmHostPorts.FIRST + 2), publishedAt(0), JSON.readTree("{}"))));
        assertEquals(SwarmHostPorts.FIRST + 2, SwarmHostPorts.of(publishedAt(SwarmHostPorts.FIRST + 2)));
        assertEquals(0, SwarmHostPorts.of(publishedAt(0)));
    }

    @Test
    void whenEveryPortIsTakenThePlacementIsRefusedWithWhatToDo() throws IOException {
        List<JsonNode> all = new ArrayList<>();
        for (int port : IntStream.rangeClosed(SwarmHostPorts.FIRST, SwarmHostPorts.LAST).toArray()) {
            all.add(publishedAt(port));
        }

        ContainerStartFailedException refused = assertThrows(ContainerStartFailedException.class, () -> SwarmHostPorts.free(all));
        assertTrue(refused.getMessage().contains("Scale some process types down"), refused.getMessage());
    }
}
