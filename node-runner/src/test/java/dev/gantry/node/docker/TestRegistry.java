package dev.gantry.node.docker;

import dev.gantry.node.RegistryLogin;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Debian's docker-registry on a loopback port it picks, requiring one user's credentials; plain HTTP,
 * which engines accept from a registry on 127.0.0.0/8 (Gantry's own registry serves TLS). Needs the
 * docker-registry and apache2-utils packages, which ./gantry test installs.
 */
final class TestRegistry implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+)");

    final RegistryLogin login;
    private final Path dir;
    private final Process process;

    private TestRegistry(Path dir, Process process, RegistryLogin login) {
        this.dir = dir;
        this.process = process;
        this.login = login;
    }

    static TestRegistry start() throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("gantry-test-registry");
        String password = UUID.randomUUID().toString();
        Process htpasswd = new ProcessBuilder("htpasswd", "-niB", "tester").start();
        try (OutputStream stdin = htpasswd.getOutputStream()) {
            stdin.write((password + "\n").getBytes(StandardCharsets.UTF_8));
        }
        Files.write(dir.resolve("htpasswd"), htpasswd.getInputStream().readAllBytes());
        htpasswd.waitFor(30, TimeUnit.SECONDS);
        Files.writeString(dir.resolve("config.yml"), """
                version: 0.1
                storage:
                  filesystem:
                    rootdirectory: %1$s/data
                http:
                  addr: 127.0.0.1:0
                auth:
                  htpasswd:
                    realm: test
                    path: %1$s/htpasswd
                """.formatted(dir));
        Path log = dir.resolve("registry.log");
        Process process = new ProcessBuilder("docker-registry", "serve", dir.resolve("config.yml").toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        for (int i = 0; i < 100; i++) {
            Matcher listening = LISTENING.matcher(Files.readString(log));
            if (listening.find()) {
                return new TestRegistry(dir, process, new RegistryLogin("127.0.0.1:" + listening.group(1), "tester", password));
            }
            Thread.sleep(100);
        }
        process.destroyForcibly();
        throw new IllegalStateException("the test registry did not listen within 10 s: " + Files.readString(log));
    }

    @Override
    public void close() throws IOException, InterruptedException {
        process.destroy();
        process.waitFor(10, TimeUnit.SECONDS);
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
