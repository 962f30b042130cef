package dev.gantry.control.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SecurityHeadersTest {

    @ParameterizedTest
    @CsvSource({
        "/console, console",
        "/console/apps/shop/logs/stream, console",
        "/console/assets/console.js, console",
        "/consoles, api",
        "/, api",
        "/api/v1/apps, api",
        "/api/v1/docs, docs",
        "/api/v1/docs/index.html, docs",
        "/api/v1/docsx, api"})
    void eachPathGetsThePolicyOfWhatIsServedThere(String path, String kind) {
        String expected = switch (kind) {
            case "console" -> SecurityHeaders.CONSOLE_POLICY;
            case "docs" -> SecurityHeaders.DOCS_POLICY;
            default -> SecurityHeaders.API_POLICY;
        };

        assertEquals(expected, SecurityHeaders.policyFor(path));
    }
}
