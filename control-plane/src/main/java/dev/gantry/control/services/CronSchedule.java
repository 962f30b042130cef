package dev.gantry.control.services;

import dev.gantry.control.InvalidInputException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.BitSet;

/**
 * A cron expression as crontab(5) has it, five fields in UTC: minute, hour, day of month, month, day of
 * week (0 or 7 is Sunday), each {@code *}, a number, a range {@code a-b}, a step {@code * / n} or
 * {@code a-b/n}, or a list of those. As in Vixie cron, when both day fields are restricted a day matches
 * either. Names (MON, JAN) and macros (@daily) are not taken: the message shows the form that is.
 */
public final class CronSchedule {

    private static final String FORM = "five fields in UTC: minute hour day month weekday, e.g. \"0 3 * * *\""
            + " (every day at 03:00)";

    private final String text;
    private final BitSet minutes;
    private final BitSet hours;
    private final BitSet days;
    private final BitSet months;
    private final BitSet weekdays;
    private final boolean anyDay;
    private final boolean anyWeekday;

    private CronSchedule(String text, String[] fields) {
        this.text = text;
        this.minutes = field(fields[0], 0, 59, "minute");
        this.hours = field(fields[1], 0, 23, "hour");
        this.days = field(fields[2], 1, 31, "day of month");
        this.months = field(fields[3], 1, 12, "month");
        BitSet weekdays = field(fields[4], 0, 7, "day of week");
        if (weekdays.get(7)) {
            weekdays.set(0);
        }
        this.weekdays = weekdays;
        this.anyDay = fields[2].equals("*");
        this.anyWeekday = fields[4].equals("*");
    }

    public static CronSchedule parse(String text) {
        String[] fields = text == null ? new String[0] : text.strip().split("\\s+");
        if (fields.length != 5) {
            throw new InvalidInputException("'" + text + "' is not a cron schedule: write " + FORM);
        }
        return new CronSchedule(text.strip(), fields);
    }

    /** Whether the schedule fires in the minute of {@code time} (taken in UTC). */
    public boolean matches(ZonedDateTime time) {
        ZonedDateTime utc = time.withZoneSameInstant(ZoneOffset.UTC);
        boolean day = days.get(utc.getDayOfMonth());
        boolean weekday = weekdays.get(utc.getDayOfWeek().getValue() % 7);
        boolean dayMatches = anyDay || anyWeekday ? day && weekday : day || weekday;
        return minutes.get(utc.getMinute()) && hours.get(utc.getHour()) && months.get(utc.getMonthValue()) && dayMatches;
    }

    @Override
    public String toString() {
        return text;
    }

    private static BitSet field(String field, int min, int max, String what) {
        BitSet values = new BitSet(max + 1);
        for (String part : field.split(",", -1)) {
            String[] stepped = part.split("/", -1);
            if (stepped.length > 2) {
                throw bad(field, what, min, max);
            }
            int step = stepped.length == 2 ? number(stepped[1], 1, max, field, what, min) : 1;
            int from;
            int to;
            if (stepped[0].equals("*")) {
                from = min;
                to = max;
            } else if (stepped[0].contains("-")) {
                String[] range = stepped[0].split("-", -1);
                if (range.length != 2) {
                    throw bad(field, what, min, max);
                }
                from = number(range[0], min, max, field, what, min);
                to = number(range[1], min, max, field, what, min);
            } else {
                from = number(stepped[0], min, max, field, what, min);
                to = stepped.length == 2 ? max : from;
            }
            if (from > to) {
                throw bad(field, what, min, max);
            }
            for (int value = from; value <= to; value += step) {
                values.set(value);
            }
        }
        return values;
    }

    private static int number(String text, int low, int high, String field, String what, int min) {
        try {
            int value = Integer.parseInt(text);
            if (value >= low && value <= high) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw bad(field, what, min, high);
    }

    private static InvalidInputException bad(String field, String what, int min, int max) {
        return new InvalidInputException("'" + field + "' is not a " + what + " (" + min + "-" + max + ", *, a-b, */n"
                + " or a list): write " + FORM);
    }
}
