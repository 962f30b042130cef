package dev.gantry.control.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * The default database: a real PostgreSQL started from the binaries shipped on Maven Central,
 * its data kept under {@code GANTRY_HOME/postgres} across restarts. It listens on loopback only.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class);
    static final String DATABASE = "gantry";
    static final String USER = "postgres";

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static EmbeddedDatabase start(Path home) {
        try {
            Path dataDir = home.resolve("postgres");
            Path binaries = home.resolve("postgres-bin");
            Files.createDirectories(binaries);
            stopOrphanedServer(dataDir);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setOverrideWorkingDirectory(binaries.toFile())
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    // The embedded library turns this off for speed in tests; a ledger must be durable.
                    .setServerConfig("synchronous_commit", "on")
                    // Sized for a small host (docs/benchmarks.md, "Memory"): the library's 300 connections
                    // cost PostgreSQL's shared memory 10 MiB, and Gantry's pool holds at most
                    // GANTRY_DB_POOL_MAX (8). Gantry's database is a few MiB: 16 MiB of buffers hold it.
                    .setServerConfig("max_connections", "20")
                    .setServerConfig("shared_buffers", "16MB")
                    // No logical replication, so no launcher process for it; Gantry's tables are small
                    // enough for one autovacuum worker.
                    .setServerConfig("max_logical_replication_workers", "0")
                    .setServerConfig("autovacuum_max_workers", "1")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
            EmbeddedDatabase database = new EmbeddedDatabase(postgres);
            database.createDatabaseIfMissing();
            LOG.infof("embedded PostgreSQL serving %s on 127.0.0.1:%d", dataDir, postgres.getPort());
            return database;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL under " + home
                    + ": " + e.getMessage() + ". Check that GANTRY_HOME is writable by this user (PostgreSQL refuses to run as root)", e);
        }
    }

    /**
     * A Gantry that was killed (SIGKILL, OOM) leaves its PostgreSQL running on the data dir, which
     * would refuse a second server. It is ours and has no clients left, so stop it first.
     */
    private static void stopOrphanedServer(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
        Optional<ProcessHandle> orphan = ProcessHandle.of(pid)
                .filter(process -> process.info().command().map(command -> command.endsWith("postgres")).orElse(false));
        if (orphan.isEmpty()) {
            return;
        }
        LOG.warnf("stopping PostgreSQL (pid %d) left running on %s by a previous Gantry", pid, dataDir);
        orphan.get().destroy();
        try {
            orphan.get().onExit().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping the orphaned PostgreSQL", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("the PostgreSQL left running by a previous Gantry (pid " + pid
                    + ") did not stop within 30 s. Stop it, then start Gantry again", e);
        }
    }

    private void createDatabaseIfMissing() {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            try (ResultSet found = statement.executeQuery(
                    "SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                if (found.next()) {
                    return;
                }
            }
            statement.execute("CREATE DATABASE " + DATABASE);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the database '" + DATABASE + "': " + e.getMessage(), e);
        }
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl(USER, DATABASE);
    }

    public String user() {
        return USER;
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
