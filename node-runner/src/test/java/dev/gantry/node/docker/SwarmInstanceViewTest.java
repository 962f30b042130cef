package dev.gantry.node.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gantry.node.ClusterNode;
import dev.gantry.node.RunningContainer;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How a service and its task, as the manager's engine lists them, become an instance. */
class SwarmInstanceViewTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, ClusterNode> NODES = Map.of(
            "n2", new ClusterNode("host-2", "10.0.0.12", ClusterNode.State.READY, Map.of(), 2, 1L << 30, false, false),
            "n3", new ClusterNode("host-3", "10.0.0.13", ClusterNode.State.DOWN, Map.of(), 2, 1L << 30, false, false));

    private static JsonNode json(String text) throws IOException {
        return JSON.readTree(text.replace('\'', '"'));
    }

    private static JsonNode service() throws IOException {
        return service("");
    }

    private static JsonNode service(String endpointSpec) throws IOException {
        return json("{'ID': 's1', 'Spec': {'Name': 'shop-web-v3-1-a1b2c3', 'Labels': {'gantry.app': 'shop',"
                + " 'gantry.instance': 'shop-web-v3-1-a1b2c3'}, 'TaskTemplate': {'ContainerSpec': {'Image': 'img@sha256:1'}}"
                + endpointSpec + "}}");
    }

    private static JsonNode task(long index, String node, String state, String ports) throws IOException {
        return json("{'ID': 't" + index + "', 'ServiceID': 's1', 'NodeID': '" + node + "', 'Version': {'Index': " + index
                + "}, 'Status': {'Timestamp': '2026-12-07T08:05:03.213277499Z', 'State': '" + state + "',"
                + " 'ContainerStatus': {'ContainerID': 'c1', 'ExitCode': " + ("failed".equals(state) ? 3 : 0) + "},"
                + " 'PortStatus': {'Ports': [" + ports + "]}}}");
    }

    private static final String PORT = "{'Protocol': 'tcp', 'TargetPort': 5000, 'PublishedPort': 30001, 'PublishMode': 'host'}";

    @Test
    void aRunningTaskIsAnInstanceAtItsHostsAddressAndPublishedPort() throws IOException {
        RunningContainer instance = SwarmInstanceView.of(service(), Optional.of(task(7, "n2", "running", PORT)), NODES);

        assertEquals("s1", instance.id());
        assertEquals("shop-web-v3-1-a1b2c3", instance.name());
        assertEquals("img@sha256:1", instance.image());
        assertEquals("shop", instance.labels().get("gantry.app"));
        assertTrue(instance.running());
        assertEquals("10.0.0.12", instance.hostAddress());
        assertEquals(30001, instance.hostPort());
        assertEquals(Instant.parse("2026-12-07T08:05:03.213277499Z"), instance.startedAt());
        assertEquals("host-2", instance.node());
        assertFalse(instance.nodeDown());
    }

    @Test
    void aRunningTaskWhoseManagerLostItsPortsAnswersAtThePortInItsServicesSpec() throws IOException {
        JsonNode service = service(", 'EndpointSpec': {'Mode': 'dnsrr', 'Ports': [" + PORT.replace("30001", "20004") + "]}");

        RunningContainer instance = SwarmInstanceView.of(service, Optional.of(task(7, "n2", "running", "")), NODES);

        assertEquals("10.0.0.12", instance.hostAddress());
        assertEquals(20004, instance.hostPort());
        assertEquals(0, SwarmInstanceView.of(service, Optional.of(task(7, "n2", "failed", "")), NODES).hostPort(),
                "an instance that exited answers nowhere");
        assertEquals(0, SwarmInstanceView.of(service(), Optional.of(task(7, "n2", "running", "")), NODES).hostPort(),
                "a service whose port Swarm chose has none in its spec");
    }

    @Test
    void aTaskThatExitedReportsItsCodeAndWhen() throws IOException {
        RunningContainer instance = SwarmInstanceView.of(service(), Optional.of(task(7, "n2", "failed", "")), NODES);

        assertFalse(instance.running());
        assertEquals(3, instance.exitCode());
        assertNull(instance.startedAt());
        assertEquals(Instant.parse("2026-12-07T08:05:03.213277499Z"), instance.finishedAt());
        assertEquals(0, instance.hostPort());
    }

    @Test
    void aTaskOnAHostThatIsDownIsReportedThereWithItsHostDown() throws IOException {
        RunningContainer instance = SwarmInstanceView.of(service(), Optional.of(task(7, "n3", "running", PORT)), NODES);

        assertEquals("host-3", instance.node());
        assertTrue(instance.nodeDown());
    }

    @Test
    void aTaskOnAHostRemovedFromTheClusterIsLostToo() throws IOException {
        RunningContainer instance = SwarmInstanceView.of(service(), Optional.of(task(7, "n9", "running", PORT)), NODES);

        assertEquals("n9", instance.node());
        assertTrue(instance.nodeDown());
    }

    @Test
    void aServiceWithoutATaskYetIsNotRunningAndOnNoHost() throws IOException {
        RunningContainer instance = SwarmInstanceView.of(service(), Optional.empty(), NODES);

        assertFalse(instance.running());
        assertEquals("", instance.node());
        assertEquals("shop-web-v3-1-a1b2c3", instance.name());
    }

    @Test
    void theNewestTaskStandsForTheInstance() throws IOException {
        assertEquals("t9", SwarmInstanceView.current(List.of(task(7, "n2", "shutdown", ""), task(9, "n2", "running", PORT),
                task(8, "n3", "failed", ""))).orElseThrow().path("ID").asText());
        assertTrue(SwarmInstanceView.current(List.of()).isEmpty());
    }
}
