package dev.gantry.control.cron;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZonedDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CronScheduleTest {

    private static final ZonedDateTime MONDAY_NOON = ZonedDateTime.parse("2026-12-07T12:00:30Z");

    @ParameterizedTest(name = "{0} after Monday 2026-12-07 12:00:30")
    @CsvSource(delimiter = '|', value = {
        "* * * * *          | 2026-12-07T12:01Z",
        "0 5 * * *          | 2026-12-08T05:00Z",
        "*/15 * * * *       | 2026-12-07T12:15Z",
        "30 9-17 * * mon-fri | 2026-12-07T12:30Z",
        "0 0 * * 0          | 2026-12-13T00:00Z",
        "0 0 * * 7          | 2026-12-13T00:00Z",
        "0 0 1 jan *        | 2027-01-01T00:00Z",
        "@daily             | 2026-12-08T00:00Z",
        "@hourly            | 2026-12-07T13:00Z",
        "@monthly           | 2027-01-01T00:00Z",
        "0 12 13 * fri      | 2026-12-11T12:00Z",
        "5,35 */2 * * *     | 2026-12-07T12:05Z",
        "0 0 29 2 *         | 2028-02-29T00:00Z",
    })
    void nextRunIsTheFirstMatchingMinuteInUtc(String schedule, String next) {
        assertEquals(Optional.of(ZonedDateTime.parse(next)), CronSchedule.parse(schedule).next(MONDAY_NOON));
    }

    @Test
    void whenBothDayFieldsAreRestrictedEitherMatches() {
        CronSchedule schedule = CronSchedule.parse("0 12 13 * fri");

        assertTrue(schedule.matches(ZonedDateTime.parse("2026-12-11T12:00:59Z")), "a Friday");
        assertTrue(schedule.matches(ZonedDateTime.parse("2026-12-13T12:00Z")), "the 13th");
        assertFalse(schedule.matches(ZonedDateTime.parse("2026-12-12T12:00Z")));
        assertFalse(schedule.matches(ZonedDateTime.parse("2026-12-11T12:01Z")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "0 5 * *         | it has 4 fields, not five (minute hour day-of-month month day-of-week)",
        "''              | it has 0 fields, not five (minute hour day-of-month month day-of-week)",
        "61 * * * *      | the minute '61' is not 0-59",
        "0 5 * * funday  | the day of week 'funday' is not 0-7 or a name (sun, mon, ...)",
        "0 5 10-2 * *    | the day of month range '10-2' runs backwards",
        "*/0 * * * *     | the minute '0' is not 1-59",
        "0 0 31 4 *      | no day matches it (say, the 31st of a month that has 30 days)",
    })
    void aScheduleCronCannotReadSaysWhy(String schedule, String reason) {
        assertEquals(reason, assertThrows(InvalidScheduleException.class, () -> CronSchedule.parse(schedule))
                .getMessage());
    }
}
