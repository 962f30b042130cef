package dev.gantry.control;

import dev.gantry.control.infra.EmbeddedDatabase;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.nio.file.Path;

/**
 * Starts Gantry in all-in-one mode. Without {@code GANTRY_DB_URL} it first starts the embedded
 * PostgreSQL and points the datasource at it, before Quarkus reads its configuration.
 */
@QuarkusMain
public final class GantryMain {

    private GantryMain() {
    }

    public static void main(String... args) throws Exception {
        String externalDatabase = System.getenv("GANTRY_DB_URL");
        if (externalDatabase != null && !externalDatabase.isBlank()) {
            Quarkus.run(args);
            return;
        }
        String home = System.getenv().getOrDefault("GANTRY_HOME", "/var/lib/gantry");
        try (EmbeddedDatabase database = EmbeddedDatabase.start(Path.of(home))) {
            System.setProperty("quarkus.datasource.jdbc.url", database.jdbcUrl());
            System.setProperty("quarkus.datasource.username", database.user());
            System.setProperty("quarkus.datasource.password", "");
            Quarkus.run(args);
        }
    }
}
