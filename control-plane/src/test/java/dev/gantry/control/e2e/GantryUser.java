package dev.gantry.control.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A person using a running Gantry the way the README shows: an OpenSSH key registered with
 * {@code ./gantry keys:add}, {@code git push} over SSH, commands over SSH, and a browser-like
 * HTTP client that reaches apps through the router by Host header.
 */
final class GantryUser {

    private final GantryProcess gantry;
    private final Path work;
    private final Path key;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    GantryUser(GantryProcess gantry, Path work) {
        this.gantry = gantry;
        this.work = work;
        this.key = work.resolve("id_ed25519");
    }

    /** Makes an ed25519 key (OpenSSH's default) and registers it on the host with ./gantry keys:add. */
    Cli.Result registerKey(String user) {
        Cli.ok(work, Map.of(), "ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", user + "@test", "-f", key.toString());
        return gantryCli("keys:add", user, key + ".pub");
    }

    /** A new git repository whose {@code paas} remote points at {@code app} on this Gantry. */
    Path newRepository(String app) throws IOException {
        Path repo = Files.createDirectories(work.resolve(app));
        Cli.ok(repo, Map.of(), "git", "init", "-q", "-b", "main");
        Cli.ok(repo, Map.of(), "git", "config", "user.email", "dev@example.com");
        Cli.ok(repo, Map.of(), "git", "config", "user.name", "Dev");
        Cli.ok(repo, Map.of(), "git", "remote", "add", "paas", "ssh://gantry@127.0.0.1:" + gantry.sshPort + "/" + app);
        return repo;
    }

    /** Commits a static site served by busybox httpd, with extra Dockerfile lines before CMD. */
    void commitApp(Path repo, String greeting, String dockerfileTail) throws IOException {
        Files.writeString(repo.resolve("index.html"), greeting);
        Files.writeString(repo.resolve("Dockerfile"), "FROM " + TestImages.BUSYBOX + "\n"
                + "COPY index.html /www/index.html\n" + dockerfileTail + "\n");
        Cli.ok(repo, Map.of(), "git", "add", "-A");
        Cli.ok(repo, Map.of(), "git", "commit", "-q", "-m", greeting);
    }

    Cli.Result git(Path repo, String... args) {
        List<String> argv = new ArrayList<>(List.of("git"));
        argv.addAll(List.of(args));
        return Cli.run(repo, Map.of("GIT_SSH_COMMAND", sshCommand()), argv);
    }

    BackgroundCommand startGit(Path repo, String... args) throws IOException {
        List<String> argv = new ArrayList<>(List.of("git"));
        argv.addAll(List.of(args));
        return BackgroundCommand.start(repo, Map.of("GIT_SSH_COMMAND", sshCommand()), argv);
    }

    Cli.Result ssh(String... command) {
        return Cli.run(work, Map.of(), sshArgv(command));
    }

    /** {@code ssh gantry@host COMMAND < stdin}. */
    Cli.Result ssh(Path stdin, String... command) {
        return Cli.run(work, Map.of(), sshArgv(command), stdin);
    }

    private List<String> sshArgv(String... command) {
        List<String> argv = new ArrayList<>(List.of(sshCommand().split(" ")));
        argv.add("gantry@127.0.0.1");
        argv.addAll(List.of(command));
        return argv;
    }

    /** {@code ssh -tt}: the client asks for a terminal even though the test has none. */
    Cli.Result sshWithTerminal(String... command) {
        List<String> argv = sshArgv(command);
        argv.add(1, "-tt");
        return Cli.run(work, Map.of(), argv);
    }

    /** {@code ssh -tt COMMAND < stdin}: what is typed at the terminal, from a file. */
    Cli.Result sshWithTerminal(Path stdin, String... command) {
        List<String> argv = sshArgv(command);
        argv.add(1, "-tt");
        return Cli.run(work, Map.of(), argv, stdin);
    }

    BackgroundCommand startSsh(String... command) throws IOException {
        return BackgroundCommand.start(work, Map.of(), sshArgv(command));
    }

    /** {@code ./gantry COMMAND} on the host, as the README runs it. */
    Cli.Result gantryCli(String... args) {
        return Cli.run(work, gantry.env(), gantryArgv(args));
    }

    BackgroundCommand startGantryCli(String... args) throws IOException {
        return BackgroundCommand.start(work, gantry.env(), gantryArgv(args));
    }

    private List<String> gantryArgv(String... args) {
        List<String> argv = new ArrayList<>(List.of(
                Path.of(System.getProperty("gantry.repo.root")).resolve("gantry").toString()));
        argv.addAll(List.of(args));
        return argv;
    }

    HttpResponse<String> get(String app) throws IOException, InterruptedException {
        return getHost(app + ".localhost");
    }

    /** A GET through the router as a browser sends it to {@code host} (the router is where its DNS points). */
    HttpResponse<String> getHost(String host) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gantry.routerPort + "/"))
                .header("Host", host).timeout(Duration.ofSeconds(10)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Copies the sample app test-apps/{@code sample} of this repository into {@code repo} and commits it. */
    void commitSample(Path repo, String sample) throws IOException {
        Path source = Path.of(System.getProperty("gantry.repo.root")).resolve("test-apps").resolve(sample);
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = repo.resolve(source.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Cli.ok(repo, Map.of(), "git", "add", "-A");
        Cli.ok(repo, Map.of(), "git", "commit", "-q", "-m", "the " + sample + " sample");
    }

    /** Writes one file of {@code repo} and commits it. */
    void commitFile(Path repo, String path, String content) throws IOException {
        Path file = repo.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        Cli.ok(repo, Map.of(), "git", "add", "-A");
        Cli.ok(repo, Map.of(), "git", "commit", "-q", "-m", "change " + path);
    }

    /** GET {@code path} of {@code app} through the router. */
    HttpResponse<String> get(String app, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gantry.routerPort + path))
                .header("Host", app + ".localhost").timeout(Duration.ofSeconds(10)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private String sshCommand() {
        return "ssh -i " + key + " -p " + gantry.sshPort + " -o StrictHostKeyChecking=no"
                + " -o UserKnownHostsFile=/dev/null -o IdentitiesOnly=yes -o BatchMode=yes -o LogLevel=ERROR";
    }
}
