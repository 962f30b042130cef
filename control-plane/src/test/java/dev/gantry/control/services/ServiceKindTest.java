package dev.gantry.control.services;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gantry.control.InvalidInputException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceKindTest {

    private static final ServiceKind.ServiceAddress SHOPDB = new ServiceKind.ServiceAddress("shopdb", "shopdb",
            "shopdb", "s3cret");

    @Test
    void aPostgresLinkGivesHerokusUrlAndTheJdbcVarsUnderItsAlias() {
        assertEquals(Map.of(
                "DATABASE_URL", "postgres://shopdb:s3cret@shopdb:5432/shopdb",
                "JDBC_DATABASE_URL", "jdbc:postgresql://shopdb:5432/shopdb?user=shopdb&password=s3cret",
                "JDBC_DATABASE_USERNAME", "shopdb",
                "JDBC_DATABASE_PASSWORD", "s3cret"), ServiceKind.POSTGRES.linkVars("DATABASE", SHOPDB));
        assertEquals("postgres://shopdb:s3cret@shopdb:5432/shopdb",
                ServiceKind.POSTGRES.linkVars("ANALYTICS", SHOPDB).get("ANALYTICS_URL"));
    }

    @Test
    void aRedisLinkGivesOneUrl() {
        assertEquals(Map.of("REDIS_URL", "redis://:s3cret@shopdb:6379"), ServiceKind.REDIS.linkVars("REDIS", SHOPDB));
    }

    @Test
    void kindsAndVersionsAreCheckedWithTheChoicesNamed() {
        assertEquals(ServiceKind.REDIS, ServiceKind.parse("redis"));
        assertEquals("15", ServiceKind.POSTGRES.version(null));
        assertEquals("'mysql' is not a kind of service: use postgres or redis (e.g. services:create postgres shopdb)",
                assertThrows(InvalidInputException.class, () -> ServiceKind.parse("mysql")).getMessage());
        assertEquals("PostgreSQL 16 is not packaged for this Gantry's Debian release: use --version 15 (or leave"
                + " --version out)", assertThrows(InvalidInputException.class,
                        () -> ServiceKind.POSTGRES.version("16")).getMessage());
    }

    @Test
    void herokuAddonNamesWithOrWithoutAPlanPickTheKind() {
        assertEquals(ServiceKind.POSTGRES, ServiceKind.ofAddon("heroku-postgresql"));
        assertEquals(ServiceKind.REDIS, ServiceKind.ofAddon("heroku-redis:mini"));
        assertThrows(InvalidInputException.class, () -> ServiceKind.ofAddon("papertrail"));
    }
}
