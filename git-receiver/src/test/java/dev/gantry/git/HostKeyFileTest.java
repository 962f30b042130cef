package dev.gantry.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostKeyFileTest {
    @TempDir
    Path dir;

    @Test
    void theKeyIsGeneratedOnceAndReusedOnRestart() throws Exception {
        Path file = dir.resolve("nested/host_key");

        KeyPair first = HostKeyFile.loadOrCreate(file).loadKeys(null).iterator().next();
        KeyPair second = HostKeyFile.loadOrCreate(file).loadKeys(null).iterator().next();

        assertEquals(first.getPublic(), second.getPublic());
        assertEquals("EC", first.getPublic().getAlgorithm());
        assertTrue(Files.readString(file).startsWith("-----BEGIN OPENSSH PRIVATE KEY-----"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void theRestartedServerShowsClientsTheSameHostKey() throws IOException {
        GitServerFixture server = new GitServerFixture(dir).start();
        String hostKeyBefore;
        try (server) {
            hostKeyBefore = scanHostKey(server);
        }
        try (GitServerFixture restarted = new GitServerFixture(dir).start()) {
            assertEquals(hostKeyBefore, scanHostKey(restarted));
        }
    }

    private String scanHostKey(GitServerFixture server) {
        ProcessRun scan = ProcessRun.run(dir, server.clientEnv(),
                java.util.List.of("ssh-keyscan", "-t", "ecdsa", "-p", String.valueOf(server.port()), "127.0.0.1"));
        assertEquals(0, scan.exitCode(), scan.toString());
        String key = scan.stdout().lines().filter(l -> !l.startsWith("#")).findFirst().orElseThrow();
        return key.substring(key.indexOf(' ') + 1); // drop "[127.0.0.1]:port", which changes
    }
}
