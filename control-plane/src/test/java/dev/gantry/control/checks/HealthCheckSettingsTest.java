package dev.gantry.control.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gantry.control.InvalidInputException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class HealthCheckSettingsTest {

    @Test
    void appliesEachSettingOnTopOfTheDefaults() {
        HealthCheckSpec spec = HealthCheckSettings.apply(HealthCheckSpec.DEFAULT,
                List.of("path=/health", "timeout=3s", "attempts=20", "wait=500ms", "uptime=1m", "boot=2m"));

        assertEquals(new HealthCheckSpec("/health", 3_000, 20, 500, false, 60_000, 120_000, null), spec);
        assertEquals(Duration.ofMillis(20 * 3_500), spec.deadline());
        assertEquals("GET /health below 500 within 2m of the start (timeout 3s, 20 attempts 500ms apart)",
                spec.describe());
    }

    @Test
    void theBootTimeEndsTheCheckBeforeAllAttemptsAreMade() {
        assertEquals(Duration.ofSeconds(60), HealthCheckSpec.DEFAULT.deadline(), "not 300 attempts of 5.2 s");
        assertEquals(Duration.ofSeconds(120),
                HealthCheckSettings.apply(HealthCheckSpec.DEFAULT, List.of("boot=120s")).deadline());
    }

    @Test
    void aCheckStoredBeforeBootExistedGetsTheDefault() {
        HealthCheckSpec stored = new HealthCheckSpec("/", 5_000, 300, 200, false, 10_000, 0, null);

        assertEquals(Duration.ofSeconds(60), stored.boot());
    }

    @Test
    void contentIsTextTheBodyMustHoldAndEmptyClearsIt() {
        HealthCheckSpec spec = HealthCheckSettings.apply(HealthCheckSpec.DEFAULT, List.of("content=all systems go"));

        assertEquals("all systems go", spec.content());
        assertEquals("GET / below 500 with 'all systems go' in the body within 1m of the start (timeout 5s, 300 attempts 200ms apart)",
                spec.describe());
        assertEquals(null, HealthCheckSettings.apply(spec, List.of("content=")).content());
        assertEquals("checks.content: must be at most 200 characters on one line (the text the answer's body must"
                + " contain; empty for any body)", assertThrows(InvalidInputException.class,
                        () -> HealthCheckSettings.apply(spec, List.of("content=a\nb"))).getMessage());
    }

    @Test
    void aDisabledCheckOnlyWaitsForTheUptime() {
        HealthCheckSpec spec = HealthCheckSpec.DEFAULT.withDisabled(true).withUptime(Duration.ofSeconds(4));

        assertEquals(Duration.ofSeconds(4), spec.deadline());
        assertEquals("checks disabled: the container must still run after 4s", spec.describe());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "path=health | checks.path: 'health' is not a URL path",
        "path=/a b | checks.path",
        "timeout=forever | checks.timeout: 'forever' is not a duration",
        "timeout=10m | checks.timeout: must be from 100ms to 5m",
        "attempts=0 | checks.attempts: '0' must be a whole number from 1 to 1000",
        "attempts=x | checks.attempts",
        "wait=2h | checks.wait",
        "boot=0s | checks.boot: must be from 1s to 30m, was 0s",
        "boot=2h | checks.boot: must be from 1s to 30m",
        "colour=red | unknown setting 'colour'",
        "path | 'path' is not KEY=VALUE"})
    void refusesBadSettingsNamingThemAndTheRule(String assignment, String expected) {
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> HealthCheckSettings.apply(HealthCheckSpec.DEFAULT, List.of(assignment)));

        assertTrue(refused.getMessage().contains(expected), refused.getMessage());
    }
}
