package dev.gantry.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitSshServerAuthTest {
    @TempDir
    Path root;
    GitServerFixture server;

    @BeforeEach
    void start() throws IOException {
        server = new GitServerFixture(root).start();
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    @Test
    void anUnknownKeyIsRefusedBeforeAnyCommandRuns() {
        Path stranger = server.newKey("stranger");

        ProcessRun run = server.ssh(stranger, "whoami");

        assertEquals(255, run.exitCode(), run.toString());
        assertTrue(run.stderr().contains("Permission denied (publickey)"), run.stderr());
        assertTrue(server.commands.isEmpty());
    }

    @Test
    void aRemovedKeyStopsWorkingForTheNextCommandAtOnce() {
        Path alice = server.registerNewKey("alice");
        assertEquals(0, server.ssh(alice, "whoami").exitCode());

        server.unregister(alice);
        ProcessRun after = server.ssh(alice, "whoami");

        assertEquals(255, after.exitCode(), after.toString());
        assertEquals(1, server.commands.size());
    }

    @Test
    void aKeyRemovedDuringASessionCutsOffTheNextCommandOfThatSession() throws Exception {
        // One SSH connection (OpenSSH multiplexing), two commands: authentication is long done
        // when the key disappears, so only the check at command start can stop the second one.
        Path alice = server.registerNewKey("alice");
        Path socket = root.resolve("cm.sock");
        List<String> master = new java.util.ArrayList<>(server.sshBase("-i", alice.toString(), "-N",
                "-o", "ControlMaster=yes", "-o", "ControlPath=" + socket));
        master.add("git@127.0.0.1");
        Process masterProcess = new ProcessBuilder(master).redirectErrorStream(true)
                .redirectOutput(root.resolve("master.log").toFile()).start();
        try {
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
            while (!Files.exists(socket) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertTrue(Files.exists(socket), "control master did not start");
            List<String> viaMaster = new java.util.ArrayList<>(server.sshBase(
                    "-o", "ControlMaster=no", "-o", "ControlPath=" + socket));
            viaMaster.add("git@127.0.0.1");
            viaMaster.add("whoami");

            ProcessRun before = ProcessRun.run(root, server.clientEnv(), viaMaster);
            server.unregister(alice);
            ProcessRun after = ProcessRun.run(root, server.clientEnv(), viaMaster);

            assertEquals(0, before.exitCode(), before.toString());
            assertEquals(1, after.exitCode(), after.toString());
            assertEquals(List.of("error: your SSH key is not registered (any more). Add it with keys:add,"
                    + " or use a registered key."), after.errorLines());
            assertEquals(1, server.commands.size());
        } finally {
            masterProcess.destroyForcibly().waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    @Test
    void aPushInFlightIsRejectedWhenTheKeyIsRemovedBeforeTheRefUpdate() throws IOException {
        Path alice = server.registerNewKey("alice");
        server.onBeforePush = () -> server.unregister(alice); // keys:remove while the push is under way
        Path work = server.newWorkTree("inflight", Map.of("a", "1"));

        ProcessRun push = server.git(work, alice, "push", server.url("myapp"), "main");

        assertTrue(push.exitCode() != 0, push.toString());
        assertTrue(push.stderr().contains(PushPreReceiveHook.KEY_REMOVED), push.stderr());
        assertTrue(server.pushes.isEmpty(), "the handler must not deploy for a removed key");
    }

    @Test
    void aKeyOfferedButNotOwnedNeverBecomesTheIdentity() throws IOException {
        Path victim = server.registerNewKey("victim");
        Path attacker = server.registerNewKey("attacker");
        // The attacker has only the victim's public key. OpenSSH offers it (an unsigned query the
        // server answers with PK_OK), fails to load a private key for it, then signs with its own.
        Path victimPublicOnly = root.resolve("stolen/victim.pub");
        Files.createDirectories(victimPublicOnly.getParent());
        Files.copy(Path.of(victim + ".pub"), victimPublicOnly);
        List<String> argv = new java.util.ArrayList<>(server.sshBase(
                "-i", victimPublicOnly.toString(), "-i", attacker.toString()));
        argv.add("git@127.0.0.1");
        argv.add("whoami");

        ProcessRun run = ProcessRun.run(root, server.clientEnv(), argv);

        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(server.offeredUsers.contains("victim"), "the victim's key was offered: " + server.offeredUsers);
        assertEquals(List.of("attacker"), server.commandUsers);
        assertTrue(run.stdout().contains("user=attacker"), run.stdout());
    }
}
