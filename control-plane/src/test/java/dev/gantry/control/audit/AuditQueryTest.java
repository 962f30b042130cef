package dev.gantry.control.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gantry.control.InvalidInputException;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AuditQueryTest {

    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

    @Test
    void readsEachFilterAndLeavesOutTheBlankOnes() {
        AuditQuery query = AuditQuery.parse("shop", " bob ", "config:set", "1d", "2026-12-07T11:30:00Z", NOW);

        assertEquals(new AuditQuery(Optional.of("shop"), Optional.of("bob"), Optional.of("config:set"),
                Optional.of(Instant.parse("2026-12-06T12:00:00Z")), Optional.of(Instant.parse("2026-12-07T11:30:00Z"))),
                query);
        assertEquals(AuditQuery.ALL, AuditQuery.parse(null, "", "  ", null, "", NOW));
    }

    @Test
    void aDateIsItsFirstMomentInUtc() {
        assertEquals(Optional.of(Instant.parse("2026-12-01T00:00:00Z")),
                AuditQuery.parse(null, null, null, "2026-12-01", null, NOW).since());
    }

    @Test
    void aTrailingStarTakesEveryActionThatStartsSo() {
        AuditQuery query = AuditQuery.parse(null, null, "git push*", null, null, NOW);

        assertTrue(query.actionIsPrefix());
        assertEquals(Optional.of("git push"), query.actionPrefix());
        assertEquals("50\\%\\_off\\\\%", AuditEvents.likePrefix("50%_off\\"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "since | yesterday |  | since: 'yesterday' is not a time. Give a time ago (30m, 1d) or a UTC date or time",
        "until |  | 2026-13-40 | until: '2026-13-40' is not a time",
        "range | 1h | 2h | since: must be before until, the range is empty",
        "action | * push |  | action: '* push' is not an action"})
    void refusesWhatItCannotReadNamingTheFilter(String what, String since, String until, String message) {
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> AuditQuery.parse(null, null, what.equals("action") ? since : null,
                        what.equals("action") ? null : since, until, NOW));

        assertTrue(refused.getMessage().startsWith(message), refused.getMessage());
    }
}
