package dev.gantry.control.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gantry.control.infra.EmbeddedDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Gantry on an external PostgreSQL (GANTRY_DB_URL) with no container engine reachable: it starts,
 * keeps its data in that database, and a push fails with one line that says what to do.
 */
class ExternalDatabaseWithoutEngineIT {

    @Test
    void usesTheExternalDatabaseAndRefusesAPushInOneLineWhileTheEngineIsDown() throws Exception {
        Path work = Files.createTempDirectory("gantry-external-db");
        try {
            runOn(work);
        } finally {
            Cli.deleteRecursively(work);
        }
    }

    private static void runOn(Path work) throws Exception {
        try (EmbeddedDatabase external = EmbeddedDatabase.start(work.resolve("external"))) {
            Path home = work.resolve("home");
            GantryProcess gantry = new GantryProcess(home, Map.of(
                    "GANTRY_DB_URL", external.jdbcUrl(),
                    "GANTRY_DB_USER", external.user(),
                    "DOCKER_HOST", "unix://" + work.resolve("no-engine.sock")));
            try (gantry) {
                gantry.start();
                GantryUser user = new GantryUser(gantry, work);
                assertTrue(user.registerKey("admin").ok());
                Path repo = user.newRepository("offline");
                user.commitApp(repo, "hello", "CMD httpd -f -p $PORT -h /www");

                Cli.Result push = user.git(repo, "push", "paas", "main");

                assertFalse(push.ok(), push.output());
                assertTrue(push.output().contains("the Docker engine is not reachable"), push.output());
                assertTrue(push.output().contains("retry"), "the line says what to do:\n" + push.output());

                Cli.Result config = user.ssh("config:set", "offline", "SECRET=s3cr3t-value");
                assertTrue(config.ok(), config.output());
                assertTrue(user.ssh("config", "offline", "--reveal").output().contains("SECRET=s3cr3t-value"));
            }
            assertFalse(Files.exists(home.resolve("postgres")), "no embedded PostgreSQL was started");
            try (Connection connection = DriverManager.getConnection(external.jdbcUrl());
                    ResultSet apps = connection.createStatement().executeQuery("SELECT name FROM app")) {
                assertTrue(apps.next());
                assertEquals("offline", apps.getString(1), "the app lives in the external database");
            }
            try (Connection connection = DriverManager.getConnection(external.jdbcUrl());
                    ResultSet stored = connection.createStatement().executeQuery("SELECT vars FROM config")) {
                int rows = 0;
                while (stored.next()) {
                    rows++;
                    assertTrue(stored.getString(1).startsWith("v1:"), "config is encrypted at rest");
                    assertFalse(stored.getString(1).contains("s3cr3t"), "no secret in the database");
                }
                assertTrue(rows > 0, "the config snapshot was stored");
            }
        }
    }
}
