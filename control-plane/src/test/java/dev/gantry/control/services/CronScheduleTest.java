package dev.gantry.control.services;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gantry.control.InvalidInputException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class CronScheduleTest {

    private static ZonedDateTime utc(int day, int hour, int minute) {
        return ZonedDateTime.of(2025, 1, day, hour, minute, 30, 0, ZoneOffset.UTC); // 2025-01-06 is a Monday
    }

    @Test
    void dailyAtThreeFiresInThatMinuteOnly() {
        CronSchedule daily = CronSchedule.parse("0 3 * * *");
        assertTrue(daily.matches(utc(6, 3, 0)));
        assertFalse(daily.matches(utc(6, 3, 1)));
        assertFalse(daily.matches(utc(6, 4, 0)));
        assertTrue(daily.matches(utc(6, 4, 0).withZoneSameInstant(ZoneOffset.ofHours(1)).minusHours(1)),
                "the same instant in another zone");
    }

    @Test
    void stepsRangesAndListsWork() {
        CronSchedule schedule = CronSchedule.parse("*/15 8-18/2 * * 1-5");
        assertTrue(schedule.matches(utc(6, 8, 45)));
        assertFalse(schedule.matches(utc(6, 9, 45)), "odd hour");
        assertFalse(schedule.matches(utc(5, 8, 45)), "a Sunday");
        assertTrue(CronSchedule.parse("0 0 * * 0,7").matches(utc(5, 0, 0)), "0 and 7 are both Sunday");
    }

    @Test
    void withBothDayFieldsRestrictedEitherDayMatchesAsInVixieCron() {
        CronSchedule schedule = CronSchedule.parse("0 0 1 * 1");
        assertTrue(schedule.matches(utc(1, 0, 0)), "the 1st (a Wednesday)");
        assertTrue(schedule.matches(utc(6, 0, 0)), "a Monday");
        assertFalse(schedule.matches(utc(7, 0, 0)));
    }

    @Test
    void badSchedulesAreRefusedShowingTheForm() {
        assertEquals("'0 3 * *' is not a cron schedule: write five fields in UTC: minute hour day month weekday,"
                + " e.g. \"0 3 * * *\" (every day at 03:00)",
                assertThrows(InvalidInputException.class, () -> CronSchedule.parse("0 3 * *")).getMessage());
        for (String bad : new String[] {"60 * * * *", "* 24 * * *", "* * 0 * *", "* * * 13 *", "* * * * 8",
                "5-1 * * * *", "*/0 * * * *", "a * * * *", "@daily * * * *", "1,,2 * * * *"}) {
            assertThrows(InvalidInputException.class, () -> CronSchedule.parse(bad), bad);
        }
    }
}
