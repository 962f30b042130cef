package dev.gantry.router;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class LogTimestampsTest {

    private final LogTimestamps timestamps = new LogTimestamps();

    @Test
    void timesAreIsoUtcToTheMillisecond() {
        assertEquals("2026-12-03T07:58:12.345Z", format("2026-12-03T07:58:12.345678901Z"));
        assertEquals("2026-12-03T07:58:12.007Z", format("2026-12-03T07:58:12.007Z"));
        assertEquals("2026-12-03T07:58:12.000Z", format("2026-12-03T07:58:12Z"));
    }

    @Test
    void theNextSecondIsFormattedAnew() {
        assertEquals("2026-12-31T23:59:59.999Z", format("2026-12-31T23:59:59.999Z"));
        assertEquals("2027-01-01T00:00:00.001Z", format("2027-01-01T00:00:00.001Z"));
        assertEquals("2027-01-01T00:00:00.020Z", format("2027-01-01T00:00:00.020Z"));
    }

    private String format(String instant) {
        StringBuilder line = new StringBuilder();
        timestamps.append(line, Instant.parse(instant));
        return line.toString();
    }
}
