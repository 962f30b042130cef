package dev.gantry.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

class GitSshServerFetchTest {
    @TempDir
    Path root;
    GitServerFixture server;
    Path alice;
    String pushed;

    @BeforeEach
    void startAndPush() throws IOException {
        server = new GitServerFixture(root).start();
        alice = server.registerNewKey("alice");
        Path work = server.newWorkTree("origin", Map.of("Procfile", "web: ./run\n"));
        pushed = server.head(work);
        GitServerFixture.check(server.git(work, alice, "push", server.url("myapp"), "main"));
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    @Test
    void cloneWithProtocolVersion0() throws IOException {
        assertClones("-c", "protocol.version=0");
    }

    @Test
    void cloneWithProtocolVersion2() throws IOException {
        assertClones("-c", "protocol.version=2");
        assertTrue(server.accessChecks.contains("fetch alice myapp"), server.accessChecks.toString());
    }

    @Test
    void protocolVersion2IsReallyUsed() throws IOException {
        Map<String, String> env = server.gitEnv(alice);
        env.put("GIT_TRACE_PACKET", "1");
        ProcessRun run = ProcessRun.run(root, env, List.of("git", "-c", "protocol.version=2", "ls-remote",
                server.url("myapp")));

        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.stderr().contains("version 2"), run.stderr());
        assertTrue(run.stdout().contains(pushed + "\trefs/heads/main"), run.stdout());
    }

    @Test
    void fetchAfterAnotherPush() throws IOException {
        Path clone = root.resolve("fetch-clone");
        GitServerFixture.check(server.git(root, alice, "clone", "-q", server.url("myapp"), clone.toString()));
        Path work = root.resolve("work/origin");
        Files.writeString(work.resolve("more"), "x");
        GitServerFixture.check(server.git(work, null, "add", "more"));
        GitServerFixture.check(server.git(work, null, "commit", "-q", "-m", "more"));
        GitServerFixture.check(server.git(work, alice, "push", server.url("myapp"), "main"));

        GitServerFixture.check(server.git(clone, alice, "fetch", "-q", "origin"));

        assertEquals(server.head(work),
                GitServerFixture.check(server.git(clone, null, "rev-parse", "origin/main")).stdout().trim());
    }

    @Test
    void anAppWithoutRepositoryCannotBeCloned() {
        ProcessRun clone = server.git(root, alice, "clone", server.url("other"), root.resolve("c2").toString());

        assertTrue(clone.exitCode() != 0);
        assertTrue(clone.stderr().contains("error: app 'other' has no repository yet. Push to it first."),
                clone.stderr());
        assertFalse(Files.exists(server.reposDir.resolve("other.git")));
    }

    private ProcessRun assertClones(String... config) throws IOException {
        Path target = root.resolve("clone-" + String.join("", config).replaceAll("[^a-z0-9]", ""));
        String[] args = new String[config.length + 4];
        System.arraycopy(config, 0, args, 0, config.length);
        args[config.length] = "clone";
        args[config.length + 1] = "-q";
        args[config.length + 2] = server.url("myapp.git");
        args[config.length + 3] = target.toString();

        ProcessRun clone = server.git(root, alice, args);

        assertEquals(0, clone.exitCode(), clone.toString());
        assertEquals(pushed, server.head(target));
        assertEquals("web: ./run\n", Files.readString(target.resolve("Procfile")));
        return clone;
    }
}
