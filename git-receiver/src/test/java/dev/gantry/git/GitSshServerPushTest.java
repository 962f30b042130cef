package dev.gantry.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitSshServerPushTest {
    @TempDir
    Path root;
    GitServerFixture server;
    Path alice;

    @BeforeEach
    void start() throws IOException {
        server = new GitServerFixture(root).start();
        alice = server.registerNewKey("alice");
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    @Test
    void acceptedPushStoresTheCommitAndTellsTheHandlerWhoPushedWhat() throws IOException {
        Path work = server.newWorkTree("myapp", Map.of("Dockerfile", "FROM scratch\n"));
        String commit = server.head(work);

        ProcessRun push = server.git(work, alice, "push", server.url("myapp"), "main");

        assertEquals(0, push.exitCode(), push.toString());
        assertEquals(1, server.pushes.size());
        PushRequest request = server.pushes.get(0);
        assertEquals("alice", request.user());
        assertEquals("myapp", request.app());
        assertEquals("refs/heads/main", request.refName());
        assertEquals(ObjectId.zeroId(), request.oldId());
        assertEquals(commit, request.newId().name());
        assertEquals(List.of("push alice myapp"), server.accessChecks);
        try (Repository bare = openBare("myapp")) {
            assertEquals(commit, bare.resolve("refs/heads/main").name());
            assertEquals("refs/heads/main", bare.exactRef("HEAD").getTarget().getName());
        }
    }

    @Test
    void everyAcceptedFormOfTheRepositoryArgumentNamesTheSameApp() throws IOException {
        Path work = server.newWorkTree("forms", Map.of("a", "1"));
        // ssh:// URLs make git send '/myapp'; scp-like ones (the port comes from GIT_SSH_COMMAND) send 'myapp'.
        for (String url : List.of(server.url("myapp"), server.url("myapp.git"), "git@127.0.0.1:myapp",
                "git@127.0.0.1:myapp.git")) {
            ProcessRun push = server.git(work, alice, "push", "--force", url, "main");
            assertEquals(0, push.exitCode(), url + ": " + push);
        }
        assertTrue(server.pushes.stream().allMatch(p -> p.app().equals("myapp")));
        assertEquals(List.of("myapp.git"), listRepos());
    }

    @Test
    void rejectedPushExitsNonZeroAndShowsTheReason() throws IOException {
        server.pushDecision = push -> PushResult.reject("build failed: npm ci exited 1. Fix package-lock.json");
        Path work = server.newWorkTree("rejected", Map.of("a", "1"));

        ProcessRun push = server.git(work, alice, "push", server.url("myapp"), "main");

        assertNotEquals(0, push.exitCode(), push.toString());
        assertTrue(push.stderr().contains("build failed: npm ci exited 1. Fix package-lock.json"), push.stderr());
        try (Repository bare = openBare("myapp")) {
            assertEquals(null, bare.exactRef("refs/heads/main"), "a rejected ref must not be stored");
        }
    }

    @Test
    void aThrowingHandlerRejectsWithOneReadableLine() throws IOException {
        server.pushDecision = push -> {
            throw new IllegalStateException("secret internal detail");
        };
        Path work = server.newWorkTree("throws", Map.of("a", "1"));

        ProcessRun push = server.git(work, alice, "push", server.url("myapp"), "main");

        assertNotEquals(0, push.exitCode());
        assertTrue(push.stderr().contains(PushPreReceiveHook.HANDLER_FAILED), push.stderr());
        assertFalse(push.stderr().contains("IllegalStateException"), push.stderr());
        assertFalse(push.stderr().contains("secret internal detail"), push.stderr());
    }

    @Test
    void progressLinesReachGitWhileTheHandlerIsStillRunning() throws Exception {
        server.pushDecision = push -> {
            push.progress().line("Building step 1");
            sleep(2500);
            push.progress().line("Building step 2");
            return PushResult.accept();
        };
        Path work = server.newWorkTree("live", Map.of("a", "1"));
        ProcessBuilder builder = new ProcessBuilder("git", "push", server.url("myapp"), "main").directory(work.toFile());
        builder.environment().putAll(server.gitEnv(alice));
        long started = System.nanoTime();
        Process git = builder.start();
        List<String> linesWithTimes = new CopyOnWriteArrayList<>();
        Thread reader = readLinesWithTimes(git.getErrorStream(), started, linesWithTimes);
        try {
            assertTrue(git.waitFor(60, TimeUnit.SECONDS), "git push did not finish");
        } finally {
            git.destroyForcibly();
        }
        long finishedMs = (System.nanoTime() - started) / 1_000_000;
        reader.join(5000);

        long step1Ms = timeOf(linesWithTimes, "remote: Building step 1");
        long step2Ms = timeOf(linesWithTimes, "remote: Building step 2");
        assertEquals(0, git.exitValue(), String.join("\n", linesWithTimes));
        assertTrue(step2Ms - step1Ms >= 2000, "step 1 arrived only with step 2: " + linesWithTimes);
        assertTrue(finishedMs - step1Ms >= 2000, "step 1 arrived only at the end: " + linesWithTimes);
    }

    @Test
    void progressLinesLoseCursorTricksButKeepColours() throws IOException {
        server.pushDecision = push -> {
            push.progress().line("\u001b[32mgreen\u001b[0m \u001b]0;title\u0007evil\rover\u001b[2Jwritten");
            return PushResult.accept();
        };
        Path work = server.newWorkTree("ansi", Map.of("a", "1"));

        ProcessRun push = server.git(work, alice, "push", server.url("myapp"), "main");

        assertEquals(0, push.exitCode(), push.toString());
        assertTrue(push.stderr().contains("remote: \u001b[32mgreen\u001b[0m eviloverwritten"), push.stderr());
    }

    @Test
    void forcePushReplacesTheBranch() throws IOException {
        Path work = server.newWorkTree("force", Map.of("a", "1"));
        GitServerFixture.check(server.git(work, alice, "push", server.url("myapp"), "main"));
        GitServerFixture.check(server.git(work, alice, "commit", "-q", "--amend", "-m", "rewritten"));
        String rewritten = server.head(work);

        ProcessRun plain = server.git(work, alice, "push", server.url("myapp"), "main");
        ProcessRun forced = server.git(work, alice, "push", "--force", server.url("myapp"), "main");

        assertNotEquals(0, plain.exitCode(), "git itself refuses a non-fast-forward without --force");
        assertEquals(0, forced.exitCode(), forced.toString());
        try (Repository bare = openBare("myapp")) {
            assertEquals(rewritten, bare.resolve("refs/heads/main").name());
        }
    }

    @Test
    void refsOutsideBranchesAndTagsAndDashNamesAreRejected() throws IOException {
        Path work = server.newWorkTree("refs", Map.of("a", "1"));

        ProcessRun dash = server.git(work, alice, "push", server.url("myapp"), "HEAD:refs/heads/-x");
        ProcessRun other = server.git(work, alice, "push", server.url("myapp"), "HEAD:refs/foo/bar");

        assertNotEquals(0, dash.exitCode(), dash.toString());
        assertTrue(dash.stderr().contains("may not have a part starting with '-'"), dash.stderr());
        assertNotEquals(0, other.exitCode(), other.toString());
        assertTrue(other.stderr().contains("only branches (refs/heads/) and tags (refs/tags/) can be pushed"),
                other.stderr());
        assertTrue(server.pushes.isEmpty(), "the handler never sees refused refs");
    }

    @Test
    void tagsReachTheHandler() throws IOException {
        Path work = server.newWorkTree("tags", Map.of("a", "1"));
        GitServerFixture.check(server.git(work, alice, "tag", "v1"));

        ProcessRun push = server.git(work, alice, "push", server.url("myapp"), "v1");

        assertEquals(0, push.exitCode(), push.toString());
        assertEquals("refs/tags/v1", server.pushes.get(0).refName());
    }

    @Test
    void hookScriptsInTheRepositoryNeverRun() throws IOException {
        Path work = server.newWorkTree("hooks", Map.of("a", "1"));
        GitServerFixture.check(server.git(work, alice, "push", server.url("myapp"), "main"));
        Path sentinel = root.resolve("hook-ran");
        Path hooks = server.reposDir.resolve("myapp.git/hooks");
        Files.createDirectories(hooks);
        for (String hook : List.of("pre-receive", "update", "post-receive", "post-update", "reference-transaction")) {
            Path script = hooks.resolve(hook);
            Files.writeString(script, "#!/bin/sh\ntouch " + sentinel + "\n");
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Files.writeString(work.resolve("b"), "2");
        GitServerFixture.check(server.git(work, null, "add", "b"));
        GitServerFixture.check(server.git(work, null, "commit", "-q", "-m", "second"));

        GitServerFixture.check(server.git(work, alice, "push", server.url("myapp"), "main"));

        assertFalse(Files.exists(sentinel), "a hook script ran");
    }

    @Test
    void refusedAccessIsOneLineAndCreatesNothing() throws IOException {
        Path work = server.newWorkTree("denied", Map.of("a", "1"));

        ProcessRun push = server.git(work, alice, "push", server.url("forbidden"), "main");

        assertNotEquals(0, push.exitCode());
        assertTrue(push.stderr().contains("error: you may not push to forbidden. Ask its owner for access."),
                push.stderr());
        assertEquals(List.of(), listRepos());
    }

    @Test
    void aPackOverTheLimitIsRefusedWithTheLimit() throws IOException {
        server.close();
        server = new GitServerFixture(root.resolve("small"), 64 * 1024).start();
        Path key = server.registerNewKey("alice");
        Path work = server.newWorkTree("big", Map.of("a", "1"));
        java.util.Random random = new java.util.Random(42);
        for (int i = 0; i < 6; i++) { // each object is under the limit, the pack is not
            byte[] noise = new byte[50 * 1024];
            random.nextBytes(noise);
            Files.write(work.resolve("noise" + i + ".bin"), noise);
        }
        GitServerFixture.check(server.git(work, null, "add", "-A"));
        GitServerFixture.check(server.git(work, null, "commit", "-q", "-m", "big"));

        ProcessRun push = server.git(work, key, "push", server.url("myapp"), "main");

        assertNotEquals(0, push.exitCode(), push.toString());
        assertTrue(push.stderr().contains("Pack exceeds the limit of 65,536 bytes"), push.stderr());
        assertTrue(server.pushes.isEmpty());
    }

    private Repository openBare(String app) throws IOException {
        return new FileRepositoryBuilder().setGitDir(server.reposDir.resolve(app + ".git").toFile())
                .setMustExist(true).build();
    }

    private List<String> listRepos() throws IOException {
        if (!Files.isDirectory(server.reposDir)) {
            return List.of();
        }
        try (var files = Files.list(server.reposDir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Thread readLinesWithTimes(InputStream in, long started, List<String> sink) {
        Thread thread = new Thread(() -> {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            try {
                for (int b; (b = in.read()) >= 0; ) {
                    if (b == '\n' || b == '\r') {
                        long ms = (System.nanoTime() - started) / 1_000_000;
                        sink.add(ms + " " + line.toString(StandardCharsets.UTF_8));
                        line.reset();
                    } else {
                        line.write(b);
                    }
                }
            } catch (IOException ignored) {
                // process ended
            }
        });
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static long timeOf(List<String> linesWithTimes, String text) {
        List<String> all = new ArrayList<>(linesWithTimes);
        for (String entry : all) {
            int space = entry.indexOf(' ');
            if (entry.substring(space + 1).startsWith(text)) {
                return Long.parseLong(entry.substring(0, space));
            }
        }
        throw new AssertionError("no line '" + text + "' in " + all);
    }
}
