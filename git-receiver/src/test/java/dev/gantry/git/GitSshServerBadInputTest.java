package dev.gantry.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gantry.common.AppName;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Hostile or malformed SSH input: one error line, exit non-zero, nothing created, nothing run. */
class GitSshServerBadInputTest {
    @TempDir
    static Path root;
    static GitServerFixture server;
    static Path alice;
    static Path sentinel;

    @BeforeAll
    static void start() throws IOException {
        server = new GitServerFixture(root).start();
        alice = server.registerNewKey("alice");
        sentinel = root.resolve("sentinel");
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
    }

    @BeforeEach
    void clear() {
        server.commands.clear();
        server.accessChecks.clear();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "git-receive-pack '../x.git'",
        "git-receive-pack '/etc/passwd'",
        "git-receive-pack '--upload-pack=touch SENTINEL'",
        "git-upload-pack '--upload-pack=touch SENTINEL'",
        "git-receive-pack 'a.git; touch SENTINEL'",
        "git-receive-pack '$(touch SENTINEL).git'",
        "git-receive-pack '`touch SENTINEL`.git'",
        "git-receive-pack $(touch SENTINEL)",
        "git-receive-pack 'a.git' | touch SENTINEL",
        "git-receive-pack 'MyApp.git'",
        "git-receive-pack 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'",
        "git-receive-pack '\u0430pp'",
        "git-receive-pack '/'",
        "git-receive-pack ''",
    })
    void anInvalidRepositoryArgumentIsOneErrorLine(String command) throws IOException {
        ProcessRun run = server.ssh(alice, command.replace("SENTINEL", sentinel.toString()));

        assertEquals(1, run.exitCode(), run.toString());
        List<String> lines = run.errorLines();
        assertEquals(1, lines.size(), run.toString());
        // Unquoted shell syntax splits into several words, so it fails the argument count first.
        assertTrue(lines.get(0).matches("error: '.*' is not a valid app name\\. " + java.util.regex.Pattern.quote(AppName.RULE))
                || lines.get(0).startsWith("error: git-receive-pack takes exactly one argument"), lines.get(0));
        assertNothingHappened();
    }

    @Test
    void extraArgumentsAreRefused() throws IOException {
        ProcessRun run = server.ssh(alice, "git-receive-pack 'a.git' extra");

        assertEquals(1, run.exitCode());
        assertEquals(List.of("error: git-receive-pack takes exactly one argument, the app's repository."
                + " Push with git push ssh://git@HOST/APP main."), run.errorLines());
        assertNothingHappened();
    }

    @Test
    void unbalancedQuotesAreRefused() throws IOException {
        ProcessRun run = server.ssh(alice, "git-receive-pack 'a.git");

        assertEquals(1, run.exitCode());
        assertEquals(List.of("error: the command has an unclosed ' quote. Close the quote."), run.errorLines());
        assertNothingHappened();
    }

    @Test
    void anArgumentOfEightKibibytesIsRefused() throws IOException {
        ProcessRun run = server.ssh(alice, "git-receive-pack '" + "a".repeat(8 * 1024) + "'");

        assertEquals(1, run.exitCode());
        assertEquals(List.of("error: the command is longer than 8 KiB. Shorten it."), run.errorLines());
        assertNothingHappened();
    }

    @Test
    void aCommandOfOnlySpacesGetsTheUsage() throws IOException {
        ProcessRun run = server.ssh(alice, "   ");

        assertEquals(1, run.exitCode(), run.toString());
        assertEquals(1, run.errorLines().size(), run.toString());
        assertTrue(run.errorLines().get(0).startsWith("error: no command given. Push with git push"), run.stderr());
        assertNothingHappened();
    }

    @Test
    void aShellIsRefused() {
        ProcessRun run = server.ssh(alice, "-T");

        assertEquals(255, run.exitCode(), run.toString());
        assertTrue(run.stderr().contains("shell request failed"), run.stderr());
    }

    @Test
    void aPtyIsOnlyRememberedForTheCommandWhoseOutputGetsTerminalLineEnds() {
        ProcessRun run = server.ssh(alice, "-tt", "whoami");

        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.stdout().contains("user=alice tty from=127.0.0.1\r\nargv=whoami\r\n"), run.toString());
    }

    @Test
    void aShellWithAPtyIsStillRefused() {
        ProcessRun run = server.ssh(alice, "-tt");

        assertEquals(255, run.exitCode(), run.toString());
        assertTrue(run.stderr().contains("shell request failed"), run.stderr());
    }

    @Test
    void sftpIsRefused() {
        ProcessRun run = server.ssh(alice, "-s", "sftp");

        assertEquals(255, run.exitCode(), run.toString());
        assertTrue(run.stderr().contains("subsystem request failed"), run.stderr());
        assertTrue(server.commands.isEmpty());
    }

    @Test
    void stdioForwardingIsRefused() throws IOException {
        try (ServerSocket target = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            ProcessRun run = server.ssh(alice, "-W", "127.0.0.1:" + target.getLocalPort());

            assertEquals(255, run.exitCode(), run.toString());
            assertTrue(run.stderr().contains("stdio forwarding failed"), run.stderr());
        }
    }

    @Test
    void remoteForwardingIsRefused() {
        ProcessRun run = server.ssh(alice, "-N", "-o", "ExitOnForwardFailure=yes", "-R", "0:127.0.0.1:9");

        assertEquals(255, run.exitCode(), run.toString());
        assertTrue(run.stderr().contains("remote port forwarding failed"), run.stderr());
    }

    @Test
    void localForwardingNeverReachesTheTarget() throws Exception {
        int localPort;
        try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            localPort = probe.getLocalPort();
        }
        try (ServerSocket target = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            List<String> argv = new ArrayList<>(server.sshBase("-i", alice.toString(), "-N",
                    "-o", "ExitOnForwardFailure=yes", "-L", localPort + ":127.0.0.1:" + target.getLocalPort()));
            argv.add("git@127.0.0.1");
            Process ssh = new ProcessBuilder(argv).redirectErrorStream(true)
                    .redirectOutput(root.resolve("forward.log").toFile()).start();
            try {
                Socket client = connectWithin(localPort, 20_000);
                client.setSoTimeout(10_000);
                try (client; InputStream in = client.getInputStream()) {
                    assertEquals(-1, in.read(), "the forwarded connection must be closed");
                }
                target.setSoTimeout(1000);
                try (Socket reached = target.accept()) {
                    throw new AssertionError("local forwarding reached the target");
                } catch (SocketTimeoutException expected) {
                    // never reached
                }
            } finally {
                ssh.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            assertTrue(Files.readString(root.resolve("forward.log")).contains("open failed"),
                    Files.readString(root.resolve("forward.log")));
        }
    }

    @Test
    void environmentVariablesOtherThanGitProtocolAreIgnored() {
        ProcessRun run = server.ssh(alice, "-o", "SetEnv=LD_PRELOAD=/tmp/evil.so", "whoami");

        assertEquals(0, run.exitCode(), run.toString());
        RestrictedChannelSession channel = new RestrictedChannelSession();
        assertEquals(org.apache.sshd.common.channel.RequestHandler.Result.ReplyFailure,
                invokeEnv(channel, "LD_PRELOAD", "/tmp/evil.so"));
        assertEquals(org.apache.sshd.common.channel.RequestHandler.Result.ReplyFailure,
                invokeEnv(channel, "GIT_PROTOCOL", "version=2 --split-string"));
        assertEquals(org.apache.sshd.common.channel.RequestHandler.Result.ReplySuccess,
                invokeEnv(channel, "GIT_PROTOCOL", "version=2"));
        assertEquals(java.util.Map.of("GIT_PROTOCOL", "version=2"), channel.getEnvironment().getEnv());
    }

    @Test
    void gantryCommandsGetArgvSplitWithoutAShellAndTheirExitCode() {
        ProcessRun created = server.ssh(alice, "apps:create", "'my app'", "x");
        ProcessRun failed = server.ssh(alice, "fail3", "\"double quoted\"", "'$(id)'");

        assertEquals(0, created.exitCode(), created.toString());
        assertEquals(List.of("apps:create", "my app", "x"), server.commands.get(0));
        assertTrue(created.stdout().contains("user=alice"), created.stdout());
        assertEquals(3, failed.exitCode(), failed.toString());
        assertEquals(List.of("fail3", "double quoted", "$(id)"), server.commands.get(1));
    }

    @Test
    void controlCharactersInTheCommandAreRefused() {
        ProcessRun run = server.ssh(alice, "whoami\nid");

        assertEquals(1, run.exitCode(), run.toString());
        assertEquals(List.of("error: the command contains the control character \\u000a."
                + " Send one line of printable text."), run.errorLines());
        assertTrue(server.commands.isEmpty());
    }

    private static org.apache.sshd.common.channel.RequestHandler.Result invokeEnv(
            RestrictedChannelSession channel, String name, String value) {
        try {
            return channel.handleEnvParsed(name, value);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Socket connectWithin(int port, long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (true) {
            try {
                Socket socket = new Socket();
                socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                return socket;
            } catch (IOException notYet) {
                if (System.currentTimeMillis() > deadline) {
                    throw new AssertionError("ssh -L never listened on " + port);
                }
                Thread.sleep(100);
            }
        }
    }

    private static void assertNothingHappened() throws IOException {
        assertFalse(Files.exists(sentinel), "a sentinel file was created");
        assertTrue(server.commands.isEmpty(), "the command handler ran: " + server.commands);
        assertTrue(server.accessChecks.isEmpty(), "the repository access check ran: " + server.accessChecks);
        if (Files.exists(server.reposDir)) {
            try (var entries = Files.list(server.reposDir)) {
                assertEquals(List.of(), entries.toList());
            }
        }
        assertFalse(Files.exists(root.resolve("x.git")));
        assertFalse(Files.exists(root.getParent().resolve("x.git")));
    }
}
