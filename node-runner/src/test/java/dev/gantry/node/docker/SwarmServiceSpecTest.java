package dev.gantry.node.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gantry.node.ContainerSpec;
import dev.gantry.node.NetworkAttachment;
import dev.gantry.node.NodeLabels;
import dev.gantry.node.ResourceLimits;
import dev.gantry.node.VolumeMount;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What an instance asks of Swarm; Swarm's answer to it is tested with real engines in tests/cluster. */
class SwarmServiceSpecTest {

    private static ContainerSpec web(ResourceLimits limits, List<VolumeMount> mounts, boolean readOnly) {
        return new ContainerSpec("shop-web-v3-1-a1b2c3", "10.0.0.11:5000/gantry/shop@sha256:abc",
                List.of("/bin/sh", "-c", "serve"), Map.of("PORT", "5000"),
                Map.of(NodeLabels.APP, "shop", NodeLabels.INSTANCE, "shop-web-v3-1-a1b2c3", NodeLabels.STOP_GRACE, "25"),
                5000, "127.0.0.1", limits, mounts, new NetworkAttachment("gantry-app-shop", List.of("web.internal"),
                "gantry-cluster-shop"), readOnly,
                Map.of("zone", "a"));
    }

    @Test
    void anInstanceIsOneTaskThatSwarmNeverRestartsWithItsPortPublishedOnItsHost() {
        JsonNode service = SwarmServiceSpec.of(web(ResourceLimits.DEFAULTS, List.of(), false), List.of(), 20007);

        assertEquals("shop-web-v3-1-a1b2c3", service.path("Name").asText());
        assertEquals("shop", service.path("Labels").path(NodeLabels.APP).asText());
        assertEquals(1, service.path("Mode").path("Replicated").path("Replicas").asInt());
        assertEquals("none", service.path("TaskTemplate").path("RestartPolicy").path("Condition").asText());
        JsonNode port = service.path("EndpointSpec").path("Ports").get(0);
        assertEquals("host", port.path("PublishMode").asText());
        assertEquals(5000, port.path("TargetPort").asInt());
        assertEquals(20007, port.path("PublishedPort").asInt(), "the port is in the spec, which a restarted manager keeps");
        JsonNode container = service.path("TaskTemplate").path("ContainerSpec");
        assertEquals("10.0.0.11:5000/gantry/shop@sha256:abc", container.path("Image").asText());
        assertEquals("[\"/bin/sh\",\"-c\",\"serve\"]", container.path("Args").toString(), "Args: the image's entrypoint stays");
        assertFalse(container.has("Command"));
        assertEquals("[\"PORT=5000\"]", container.path("Env").toString());
        assertEquals(25_000_000_000L, container.path("StopGracePeriod").asLong());
    }

    @Test
    void theHardeningOfOneHostCarriesOverAsFarAsAServiceSaysIt() {
        JsonNode service = SwarmServiceSpec.of(web(new ResourceLimits(256L << 20, 0.5, 100), List.of(), true), List.of(), 0);
        JsonNode container = service.path("TaskTemplate").path("ContainerSpec");

        assertEquals("[\"ALL\"]", container.path("CapabilityDrop").toString());
        assertEquals("[\"CAP_CHOWN\",\"CAP_DAC_OVERRIDE\",\"CAP_FOWNER\",\"CAP_SETGID\",\"CAP_SETUID\",\"CAP_NET_BIND_SERVICE\"]",
                container.path("CapabilityAdd").toString());
        assertTrue(container.path("Init").asBoolean());
        assertTrue(container.path("ReadOnly").asBoolean());
        JsonNode tmp = container.path("Mounts").get(0);
        assertEquals("tmpfs", tmp.path("Type").asText());
        assertEquals("/tmp", tmp.path("Target").asText());
        JsonNode limits = service.path("TaskTemplate").path("Resources").path("Limits");
        assertEquals(256L << 20, limits.path("MemoryBytes").asLong());
        assertEquals(500_000_000L, limits.path("NanoCPUs").asLong());
        assertEquals(100, limits.path("Pids").asInt());
        JsonNode logs = service.path("TaskTemplate").path("LogDriver");
        assertEquals("json-file", logs.path("Name").asText());
        assertEquals("3", logs.path("Options").path("max-file").asText());
    }

    @Test
    void withoutLimitsAnInstanceGetsThePidsDefaultAndNoMemoryOrCpuCap() {
        JsonNode limits = SwarmServiceSpec.of(web(ResourceLimits.DEFAULTS, List.of(), false), List.of(), 0)
                .path("TaskTemplate").path("Resources").path("Limits");

        assertEquals(ResourceLimits.DEFAULT_PIDS, limits.path("Pids").asInt());
        assertFalse(limits.has("MemoryBytes"));
        assertFalse(limits.has("NanoCPUs"));
    }

    @Test
    void volumesAreMountedByNameAndThePlacementLabelsAreConstraints() {
        JsonNode service = SwarmServiceSpec.of(web(ResourceLimits.DEFAULTS, List.of(new VolumeMount("gantry-shop-data", "/data")),
                false), List.of("node.id==abc"), 0);

        JsonNode mount = service.path("TaskTemplate").path("ContainerSpec").path("Mounts").get(0);
        assertEquals("volume", mount.path("Type").asText());
        assertEquals("gantry-shop-data", mount.path("Source").asText());
        assertEquals("/data", mount.path("Target").asText());
        assertEquals("[\"node.id==abc\",\"node.labels.zone==a\"]",
                service.path("TaskTemplate").path("Placement").path("Constraints").toString());
    }

    @Test
    void aWorkerPublishesNothing() {
        ContainerSpec worker = new ContainerSpec("shop-worker-v3-1-a1b2c3", "img", List.of(), Map.of(),
                Map.of(NodeLabels.APP, "shop", NodeLabels.INSTANCE, "shop-worker-v3-1-a1b2c3"), 0, null);

        JsonNode service = SwarmServiceSpec.of(worker, List.of(), 0);

        assertFalse(service.path("EndpointSpec").has("Ports"));
        assertEquals(NodeLabels.DEFAULT_STOP_GRACE.toNanos(),
                service.path("TaskTemplate").path("ContainerSpec").path("StopGracePeriod").asLong());
    }

    @Test
    void anInstanceJoinsItsAppsOverlayUnderItsNamesWhichAnswerWithTheTasksAddresses() {
        JsonNode service = SwarmServiceSpec.of(web(ResourceLimits.DEFAULTS, List.of(), false), List.of(), 0);

        JsonNode network = service.path("TaskTemplate").path("Networks").get(0);
        assertEquals("gantry-cluster-shop", network.path("Target").asText());
        assertEquals("[\"web.internal\"]", network.path("Aliases").toString());
        assertEquals("dnsrr", service.path("EndpointSpec").path("Mode").asText());
    }

    @Test
    void aNameTooLongForSwarmKeepsItsStartAndStaysUnique() {
        String app = "a".repeat(30);
        String a = SwarmServiceSpec.serviceName(app + "-" + "b".repeat(30) + "-v12-3-a1b2c3");
        String b = SwarmServiceSpec.serviceName(app + "-" + "b".repeat(30) + "-v12-3-d4e5f6");

        assertTrue(a.length() <= SwarmServiceSpec.MAX_NAME, a);
        assertTrue(a.startsWith(app + "-bbb"), a);
        assertFalse(a.equals(b));
        assertEquals("shop-web-v3-1-a1b2c3", SwarmServiceSpec.serviceName("shop-web-v3-1-a1b2c3"));
    }
}
