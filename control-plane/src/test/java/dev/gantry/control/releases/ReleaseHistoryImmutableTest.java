package dev.gantry.control.releases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gantry.control.GantryTestResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * The release history is immutable in PostgreSQL itself: whatever code or person connects as
 * Gantry's own role, an UPDATE, DELETE or TRUNCATE of a release fails; only destroying the app
 * takes its releases with it.
 */
@QuarkusTest
@QuarkusTestResource(GantryTestResource.class)
class ReleaseHistoryImmutableTest {

    @Inject
    AgroalDataSource database;

    @Test
    void noReleaseIsChangedOrDeletedButWithItsApp() throws SQLException {
        try (Connection connection = database.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("INSERT INTO app (name, created_by, owner_id)"
                    + " SELECT 'ledger', 'admin', id FROM gantry_user WHERE name = 'admin'");
            sql.execute("INSERT INTO build (app_id, commit_sha, kind, status, created_by)"
                    + " SELECT id, 'abc1234', 'dockerfile', 'SUCCEEDED', 'admin' FROM app WHERE name = 'ledger'");
            sql.execute("INSERT INTO config (app_id, vars) SELECT id, '{}' FROM app WHERE name = 'ledger'");
            sql.execute("INSERT INTO release (app_id, version, build_id, config_id, summary, created_by)"
                    + " SELECT a.id, 1, b.id, c.id, 'Deploy abc1234', 'admin' FROM app a, build b, config c"
                    + " WHERE a.name = 'ledger' AND b.app_id = a.id AND c.app_id = a.id");

            for (String change : new String[] {
                "UPDATE release SET summary = 'Deploy something else'",
                "UPDATE release SET version = 7",
                "DELETE FROM release",
                "TRUNCATE release CASCADE"}) {
                SQLException refused = assertThrows(SQLException.class, () -> sql.execute(change), change);
                assertTrue(refused.getMessage().contains("the release history is a write-only ledger"),
                        refused.getMessage());
            }
            assertEquals("Deploy abc1234", summaryOfV1(sql));

            int app = count(sql, "SELECT id FROM app WHERE name = 'ledger'");
            sql.execute("DELETE FROM app WHERE name = 'ledger'");
            assertEquals(0, count(sql, "SELECT count(*) FROM release WHERE app_id = " + app));
        }
    }

    private static String summaryOfV1(Statement sql) throws SQLException {
        try (ResultSet rows = sql.executeQuery("SELECT r.summary FROM release r JOIN app a ON a.id = r.app_id"
                + " WHERE a.name = 'ledger' AND r.version = 1")) {
            rows.next();
            return rows.getString(1);
        }
    }

    /** The one number {@code query} answers. */
    private static int count(Statement sql, String query) throws SQLException {
        try (ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
