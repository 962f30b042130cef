package dev.gantry.control;

import dev.gantry.control.infra.EmbeddedDatabase;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A real (embedded) PostgreSQL and a private data dir for {@code @QuarkusTest}s; the SSH server and
 * the router listen on free ports on 127.0.0.1, and the router and the node runner run inside the
 * control plane.
 */
public class GantryTestResource implements QuarkusTestResourceLifecycleManager {

    private EmbeddedDatabase database;
    private Path home;

    @Override
    public Map<String, String> start() {
        try {
            home = Files.createTempDirectory("gantry-test-home");
            database = EmbeddedDatabase.start(home);
            return Map.ofEntries(
                    Map.entry("quarkus.datasource.jdbc.url", database.jdbcUrl()),
                    Map.entry("quarkus.datasource.username", database.user()),
                    Map.entry("quarkus.datasource.password", ""),
                    Map.entry("gantry.home", home.toString()),
                    Map.entry("gantry.ssh.port", "0"),
                    Map.entry("gantry.ssh.bind-host", "127.0.0.1"),
                    Map.entry("gantry.router.mode", "embedded"),
                    Map.entry("gantry.node.mode", "embedded"),
                    Map.entry("gantry.router.port", "0"),
                    // No HTTPS listener: a fixed port would clash between test runs side by side.
                    Map.entry("gantry.router.https-port", "0"),
                    Map.entry("gantry.router.bind-host", "127.0.0.1"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        try {
            database.close();
            try (Stream<Path> paths = Files.walk(home)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
