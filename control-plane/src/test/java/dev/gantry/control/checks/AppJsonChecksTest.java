package dev.gantry.control.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gantry.build.AppJson;
import dev.gantry.control.InvalidInputException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AppJsonChecksTest {

    private static Optional<HealthCheckSpec> read(String json) {
        return AppJsonChecks.read(AppJson.parse(json), HealthCheckSpec.DEFAULT);
    }

    @Test
    void readsTheFirstWebStartupCheckInDokkusFormat() {
        Optional<HealthCheckSpec> spec = read("""
                {"healthchecks": {"web": [
                  {"type": "liveness", "path": "/live"},
                  {"type": "startup", "path": "/ready", "timeout": 3, "attempts": 10, "wait": 2}
                ]}}""");

        assertEquals(Optional.of(new HealthCheckSpec("/ready", 3_000, 10, 2_000, false, 10_000, 60_000, null)), spec);
    }

    @Test
    void dokkusContentIsWhatTheBodyMustHold() {
        assertEquals("OK", read("{\"healthchecks\": {\"web\": [{\"path\": \"/up\", \"content\": \"OK\"}]}}")
                .orElseThrow().content());
    }

    @Test
    void anAppJsonWithoutWebChecksLeavesTheAppsOwn() {
        assertEquals(Optional.empty(), read("{\"name\": \"shop\"}"));
        assertEquals(Optional.empty(), read("{\"healthchecks\": {\"worker\": []}}"));
    }

    @Test
    void badChecksNameWhereTheyAre() {
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> read("{\"healthchecks\": {\"web\": [{\"path\": \"/x\", \"timeout\": \"soon\"}]}}"));

        assertEquals("app.json: healthchecks.web[0]: timeout must be a number of seconds", refused.getMessage());
    }
}
