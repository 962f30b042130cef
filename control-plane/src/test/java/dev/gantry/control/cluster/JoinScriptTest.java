package dev.gantry.control.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gantry.node.NodeMembership.JoinTicket;
import dev.gantry.node.RegistryLogin;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The script's text and its first refusal; the whole join runs on real engines in tests/cluster. */
class JoinScriptTest {

    private static final String CA = "-----BEGIN CERTIFICATE-----\nMIIBfake\n-----END CERTIFICATE-----\n";

    @TempDir
    Path dir;

    private final String script = JoinScript.render(CA, new RegistryLogin("10.0.0.11:5000", "gantry", "0badc0de"),
            new JoinTicket("10.0.0.11:2377", "SWMTKN-1-abc"));

    private record Run(int exitCode, String output) {
    }

    /** Runs the script with Debian's sh (dash, a POSIX shell) and the environment given. */
    private Run run(Map<String, String> environment, String... shellOptions) throws IOException, InterruptedException {
        Path file = dir.resolve("join.sh");
        Files.writeString(file, script);
        ProcessBuilder builder = new ProcessBuilder("/bin/sh");
        builder.command().addAll(java.util.List.of(shellOptions));
        builder.command().add(file.toString());
        builder.environment().putAll(environment);
        Process process = builder.redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(10, TimeUnit.SECONDS));
        return new Run(process.exitValue(), output);
    }

    @Test
    void itIsAPosixShellScriptCarryingTheCaTheLoginAndTheJoin() throws Exception {
        assertEquals(new Run(0, ""), run(Map.of(), "-n"), "dash parses it");
        assertTrue(script.startsWith("#!/bin/sh\n"));
        assertTrue(script.contains("cat >\"/etc/docker/certs.d/$registry/ca.crt\" <<'GANTRY_CLUSTER_CA'\n" + CA
                + "GANTRY_CLUSTER_CA\n"), script);
        assertTrue(script.contains("registry=10.0.0.11:5000\n"));
        assertTrue(script.contains("printf '%s\\n' '0badc0de' | docker login --username 'gantry' --password-stdin"), script);
        assertTrue(script.contains("docker swarm join --token 'SWMTKN-1-abc' \"$manager\""), script);
    }

    @Test
    void onAHostWithoutDockerItSaysWhatToInstall() throws Exception {
        Run run = run(Map.of("PATH", dir.toString()));

        assertEquals(1, run.exitCode());
        assertEquals("error: no docker command on this host. Install Debian's docker.io (apt-get install docker.io),"
                + " then run this again\n", run.output());
    }
}
