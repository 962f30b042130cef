package dev.gantry.node.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How the host tool's lines become each host's report, and the job that runs it, without engines. */
class SwarmHostDisksTest {

    private static String hex(String text) {
        return HexFormat.of().formatHex(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void eachHostsPiecesAreJoinedInTheirOrderWhateverOrderTheLinesCameIn() {
        List<String> lines = List.of("h2 df 1 " + hex("[]}"), "h3 df 0 " + hex("{}"), "h2 df 0 " + hex("{\"Images\":"),
                "h3 df end 1", "h2 df end 2");

        assertEquals(Map.of("h2", "{\"Images\":[]}", "h3", "{}"), SwarmHostDisks.dfByHost(lines));
    }

    @Test
    void aHostWithAPieceMissingOrNoEndHasNoReport() {
        Map<String, String> answers = SwarmHostDisks.dfByHost(List.of("h2 df 1 " + hex("x"), "h2 df end 2",
                "h3 df 0 " + hex("{}")));

        assertNull(answers.get("h2"));
        assertNull(answers.get("h3"));
        assertEquals(2, answers.size());
    }

    @Test
    void removalsAreCountedByHostAndRefusalsAreNot() {
        List<String> lines = List.of("h2 removed r/gantry/a@sha256:aa", "h2 kept r/gantry/a@sha256:bb {\"message\":\"in use\"}",
                "h3 removed r/gantry/a@sha256:aa", "h3 removed r/gantry/a@sha256:cc");

        assertEquals(Map.of("h2", List.of("r/gantry/a@sha256:aa"), "h3", List.of("r/gantry/a@sha256:aa", "r/gantry/a@sha256:cc")),
                SwarmHostDisks.removedByHost(lines));
    }

    @Test
    void theJobRunsOnceOnEveryWorkerWithItsOwnHostsEngine() {
        ObjectNode spec = SwarmJob.spec("gantry-job-df-abc", "reg:5000/gantry-tools/host-disk@sha256:1",
                List.of(SwarmHostDisks.TOOL, "df"), "/run/{{.Node.Hostname}}/docker.sock");

        assertEquals("{}", spec.path("Mode").path("GlobalJob").toString());
        assertEquals("[\"node.role==worker\"]", spec.path("TaskTemplate").path("Placement").path("Constraints").toString());
        assertEquals("none", spec.path("TaskTemplate").path("RestartPolicy").path("Condition").asText());
        ObjectNode mount = (ObjectNode) spec.path("TaskTemplate").path("ContainerSpec").path("Mounts").get(0);
        assertEquals("/run/{{.Node.Hostname}}/docker.sock", mount.path("Source").asText());
        assertEquals(SwarmJob.ENGINE_SOCKET, mount.path("Target").asText());
        assertEquals("[\"GANTRY_HOST={{.Node.Hostname}}\"]", spec.path("TaskTemplate").path("ContainerSpec").path("Env").toString());
        assertEquals("[\"" + SwarmHostDisks.TOOL + "\",\"df\"]", spec.path("TaskTemplate").path("ContainerSpec").path("Command").toString());
    }

    @Test
    void theToolShipsWithTheNodeRunnerAndEndsWithItsHostsDoneLine() throws Exception {
        String tool = new String(SwarmHostDisks.tool(), StandardCharsets.UTF_8);
        assertEquals("#!/usr/bin/perl", tool.lines().findFirst().orElseThrow());
        Path script = Files.createTempFile("gantry-host-disk", "");
        try {
            Files.write(script, SwarmHostDisks.tool());
            // rm with no reference asks the engine nothing: what a host prints around its work.
            ProcessBuilder run = new ProcessBuilder("perl", script.toString(), "rm").redirectErrorStream(true);
            run.environment().put("GANTRY_HOST", "h2");
            Process process = run.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertEquals(0, process.waitFor(), output);
            assertEquals("h2 done\n", output);
        } finally {
            Files.delete(script);
        }
    }

    @Test
    void aReadyWorkerIsMissingUntilItsDoneLineIsInTheLogsOrItFailed() {
        List<String> lines = List.of("h2 df 0 7b7d", "h2 df end 1", "h2 done", "h3 df 0 7b7d");

        assertEquals(Set.of("h3", "h4"), SwarmJob.missing(Set.of("h2", "h3", "h4", "h5"), Set.of("h5"), lines));
        assertEquals(Set.of(), SwarmJob.missing(Set.of("h2"), Set.of(), lines));
    }
}
