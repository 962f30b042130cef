package dev.gantry.git;

import dev.gantry.common.LineSink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;

/**
 * A real {@link GitSshServer} on 127.0.0.1 with an ephemeral port, keys made by ssh-keygen, and
 * recording fakes of the seams. Clients are the real OpenSSH ssh and git.
 */
final class GitServerFixture implements AutoCloseable {
    final Path root;
    final Path reposDir;
    final Path hostKey;
    final Map<String, String> registeredKeys = new ConcurrentHashMap<>(); // encoded key -> user
    final List<String> offeredUsers = new CopyOnWriteArrayList<>(); // owners of every key MINA asked about
    final List<PushRequest> pushes = new CopyOnWriteArrayList<>();
    final List<List<String>> commands = new CopyOnWriteArrayList<>();
    final List<String> commandUsers = new CopyOnWriteArrayList<>();
    final List<String> accessChecks = new CopyOnWriteArrayList<>();
    volatile Function<PushRequest, PushResult> pushDecision = push -> PushResult.accept();
    volatile Runnable onBeforePush = () -> { };
    private final long maxPackBytes;
    private GitSshServer server;

    GitServerFixture(Path root) {
        this(root, 50L * 1024 * 1024);
    }

    GitServerFixture(Path root, long maxPackBytes) {
        this.root = root;
        this.reposDir = root.resolve("repos");
        this.hostKey = root.resolve("server/host_key");
        this.maxPackBytes = maxPackBytes;
    }

    GitServerFixture start() throws IOException {
        server = new GitSshServer(
                new GitServerConfig("127.0.0.1", 0, hostKey, reposDir, maxPackBytes, Duration.ofSeconds(30)),
                this::userFor,
                new RepositoryAccess() {
                    @Override
                    public void beforePush(String user, String app, LineSink progress) {
                        accessChecks.add("push " + user + " " + app);
                        onBeforePush.run();
                        if (app.equals("forbidden")) {
                            throw new GitAccessDeniedException("you may not push to forbidden. Ask its owner for access.");
                        }
                    }

                    @Override
                    public void beforeFetch(String user, String app) {
                        accessChecks.add("fetch " + user + " " + app);
                    }
                },
                push -> {
                    pushes.add(push);
                    return pushDecision.apply(push);
                },
                (client, argv, stdin, stdout, stderr) -> {
                    commandUsers.add(client.user());
                    commands.add(argv);
                    stdout.println("user=" + client.user() + (client.tty() ? " tty" : "") + " from=" + client.address());
                    stdout.println("argv=" + String.join("|", argv));
                    return argv.get(0).equals("fail3") ? 3 : 0;
                });
        server.start();
        return this;
    }

    int port() {
        return server.port();
    }

    private Optional<String> userFor(PublicKey key) {
        Optional<String> user = Optional.ofNullable(registeredKeys.get(encoded(key)));
        offeredUsers.add(user.orElse("?"));
        return user;
    }

    /** Makes an ECDSA key pair with ssh-keygen (MINA needs no extra provider for ECDSA). */
    Path newKey(String name) {
        Path key = root.resolve("keys").resolve(name);
        try {
            Files.createDirectories(key.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ProcessRun run = ProcessRun.run(root, Map.of(),
                List.of("ssh-keygen", "-q", "-t", "ecdsa", "-b", "256", "-N", "", "-C", name, "-f", key.toString()));
        if (run.exitCode() != 0) {
            throw new AssertionError("ssh-keygen failed: " + run);
        }
        return key;
    }

    Path registerNewKey(String user) {
        Path key = newKey(user);
        register(key, user);
        return key;
    }

    void register(Path key, String user) {
        registeredKeys.put(encoded(publicKey(key)), user);
    }

    void unregister(Path key) {
        registeredKeys.remove(encoded(publicKey(key)));
    }

    static PublicKey publicKey(Path privateKeyFile) {
        try {
            String line = Files.readString(Path.of(privateKeyFile + ".pub")).trim();
            return PublicKeyEntry.parsePublicKeyEntry(line).resolvePublicKey(null, Map.of(), PublicKeyEntryResolver.IGNORING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encoded(PublicKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    /** OpenSSH options for this server; {@code identityOptions} choose the keys. */
    List<String> sshBase(String... identityOptions) {
        List<String> argv = new ArrayList<>(List.of("ssh", "-p", String.valueOf(port()),
                "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
                "-o", "IdentitiesOnly=yes", "-o", "BatchMode=yes", "-o", "ConnectTimeout=20",
                "-F", "/dev/null"));
        Collections.addAll(argv, identityOptions);
        return argv;
    }

    ProcessRun ssh(Path key, String... commandAndOptions) {
        List<String> argv = sshBase("-i", key.toString());
        List<String> rest = new ArrayList<>(List.of(commandAndOptions));
        // Options first, then the host, then the remote command (one string, as git sends it).
        int firstNonOption = 0;
        while (firstNonOption < rest.size() && rest.get(firstNonOption).startsWith("-")) {
            argv.add(rest.get(firstNonOption++));
            if (argv.get(argv.size() - 1).matches("-[oWLR]") && firstNonOption < rest.size()) {
                argv.add(rest.get(firstNonOption++));
            }
        }
        argv.add("git@127.0.0.1");
        argv.addAll(rest.subList(firstNonOption, rest.size()));
        return ProcessRun.run(root, clientEnv(), argv);
    }

    /** Environment for git: no user or system config, and ssh set up for this server and key. */
    Map<String, String> gitEnv(Path key) {
        Map<String, String> env = clientEnv();
        env.put("GIT_SSH_COMMAND", String.join(" ", sshBase("-i", key.toString())));
        return env;
    }

    Map<String, String> clientEnv() {
        Map<String, String> env = new HashMap<>();
        env.put("HOME", root.toString());
        env.put("GIT_CONFIG_NOSYSTEM", "1");
        env.put("GIT_AUTHOR_NAME", "Test");
        env.put("GIT_AUTHOR_EMAIL", "test@example.com");
        env.put("GIT_COMMITTER_NAME", "Test");
        env.put("GIT_COMMITTER_EMAIL", "test@example.com");
        env.put("GIT_TERMINAL_PROMPT", "0");
        env.put("LC_ALL", "C");
        return env;
    }

    ProcessRun git(Path dir, Path key, String... args) {
        List<String> argv = new ArrayList<>(List.of("git"));
        Collections.addAll(argv, args);
        return ProcessRun.run(dir, key == null ? clientEnv() : gitEnv(key), argv);
    }

    String url(String path) {
        return "ssh://git@127.0.0.1:" + port() + "/" + path;
    }

    /** A work tree with one commit on main holding the given files. */
    Path newWorkTree(String name, Map<String, String> files) throws IOException {
        Path dir = root.resolve("work").resolve(name);
        Files.createDirectories(dir);
        check(git(dir, null, "-c", "init.defaultBranch=main", "init", "-q"));
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path path = dir.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.getValue());
        }
        check(git(dir, null, "add", "-A"));
        check(git(dir, null, "commit", "-q", "-m", "first"));
        return dir;
    }

    String head(Path workTree) {
        return check(git(workTree, null, "rev-parse", "HEAD")).stdout().trim();
    }

    static ProcessRun check(ProcessRun run) {
        if (run.exitCode() != 0) {
            throw new AssertionError("command failed: " + run);
        }
        return run;
    }

    @Override
    public void close() throws IOException {
        if (server != null) {
            server.close();
        }
    }
}
