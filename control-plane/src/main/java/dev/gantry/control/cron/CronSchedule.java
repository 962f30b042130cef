package dev.gantry.control.cron;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A schedule in cron's five fields (minute, hour, day of month, month, day of week), as Dokku's
 * app.json {@code cron} entries and crontab(5) write them: {@code *}, values, ranges, lists and
 * steps ({@code *}{@code /15}, {@code 1-5}, {@code mon,wed}), month and day names, Sunday as 0 or 7,
 * and the {@code @hourly}, {@code @daily} (or {@code @midnight}), {@code @weekly}, {@code @monthly},
 * {@code @yearly} (or {@code @annually}) shorthands. Times are UTC. As in cron, when both day
 * fields are restricted, a day matching either runs the job.
 */
public final class CronSchedule {

    private static final Map<String, String> SHORTHANDS = Map.of(
            "@hourly", "0 * * * *", "@daily", "0 0 * * *", "@midnight", "0 0 * * *", "@weekly", "0 0 * * 0",
            "@monthly", "0 0 1 * *", "@yearly", "0 0 1 1 *", "@annually", "0 0 1 1 *");
    private static final List<String> MONTHS = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep",
            "oct", "nov", "dec");
    private static final List<String> DAYS = List.of("sun", "mon", "tue", "wed", "thu", "fri", "sat");
    /** A schedule that matches no day within this many years (31 February) never runs. */
    private static final int SEARCH_YEARS = 8;

    private final String text;
    private final BitSet minutes;
    private final BitSet hours;
    private final BitSet daysOfMonth;
    private final BitSet months;
    private final BitSet daysOfWeek;
    private final boolean eitherDay;

    private CronSchedule(String text, BitSet[] fields, boolean eitherDay) {
        this.text = text;
        this.minutes = fields[0];
        this.hours = fields[1];
        this.daysOfMonth = fields[2];
        this.months = fields[3];
        this.daysOfWeek = fields[4];
        this.eitherDay = eitherDay;
    }

    /** @throws InvalidScheduleException saying which field is wrong and why */
    public static CronSchedule parse(String text) {
        String trimmed = text == null ? "" : text.strip();
        String expanded = SHORTHANDS.getOrDefault(trimmed.toLowerCase(), trimmed);
        String[] fields = expanded.split("\\s+");
        if (fields.length != 5) {
            throw new InvalidScheduleException("it has " + (trimmed.isEmpty() ? 0 : fields.length) + " fields, not"
                    + " five (minute hour day-of-month month day-of-week)");
        }
        BitSet[] parsed = {
            field(fields[0], "minute", 0, 59, List.of()),
            field(fields[1], "hour", 0, 23, List.of()),
            field(fields[2], "day of month", 1, 31, List.of()),
            field(fields[3], "month", 1, 12, MONTHS),
            field(fields[4], "day of week", 0, 7, DAYS),
        };
        if (parsed[4].get(7)) {
            parsed[4].set(0);
        }
        // As Vixie cron: a day field starting with * (say */2) counts as unrestricted.
        CronSchedule schedule = new CronSchedule(trimmed, parsed,
                !fields[2].startsWith("*") && !fields[4].startsWith("*"));
        if (schedule.next(ZonedDateTime.now(ZoneOffset.UTC)).isEmpty()) {
            throw new InvalidScheduleException("no day matches it (say, the 31st of a month that has 30 days)");
        }
        return schedule;
    }

    /** Whether the job is due in the minute of {@code time} (UTC). */
    public boolean matches(ZonedDateTime time) {
        ZonedDateTime utc = time.withZoneSameInstant(ZoneOffset.UTC);
        return minutes.get(utc.getMinute()) && hours.get(utc.getHour()) && dayMatches(utc.toLocalDate());
    }

    /** The first minute after {@code after} when the job is due; empty if none comes. */
    public Optional<ZonedDateTime> next(ZonedDateTime after) {
        ZonedDateTime start = after.withZoneSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        LocalDate last = start.toLocalDate().plusYears(SEARCH_YEARS);
        for (LocalDate day = start.toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
            if (!dayMatches(day)) {
                continue;
            }
            for (int hour = hours.nextSetBit(0); hour >= 0; hour = hours.nextSetBit(hour + 1)) {
                for (int minute = minutes.nextSetBit(0); minute >= 0; minute = minutes.nextSetBit(minute + 1)) {
                    ZonedDateTime candidate = day.atTime(hour, minute).atZone(ZoneOffset.UTC);
                    if (!candidate.isBefore(start)) {
                        return Optional.of(candidate);
                    }
                }
            }
        }
        return Optional.empty();
    }

    private boolean dayMatches(LocalDate day) {
        if (!months.get(day.getMonthValue())) {
            return false;
        }
        boolean dayOfMonth = daysOfMonth.get(day.getDayOfMonth());
        boolean dayOfWeek = daysOfWeek.get(day.getDayOfWeek().getValue() % 7);
        return eitherDay ? dayOfMonth || dayOfWeek : dayOfMonth && dayOfWeek;
    }

    private static BitSet field(String text, String name, int min, int max, List<String> names) {
        BitSet values = new BitSet(max + 1);
        for (String item : text.split(",", -1)) {
            int slash = item.indexOf('/');
            String range = slash < 0 ? item : item.substring(0, slash);
            int step = slash < 0 ? 1 : number(item.substring(slash + 1), name, 1, max, List.of());
            int from;
            int to;
            if (range.equals("*")) {
                from = min;
                to = max;
            } else if (range.indexOf('-') > 0) {
                from = number(range.substring(0, range.indexOf('-')), name, min, max, names);
                to = number(range.substring(range.indexOf('-') + 1), name, min, max, names);
                if (from > to) {
                    throw new InvalidScheduleException("the " + name + " range '" + range + "' runs backwards");
                }
            } else {
                from = number(range, name, min, max, names);
                to = slash < 0 ? from : max;
            }
            for (int value = from; value <= to; value += step) {
                values.set(value);
            }
        }
        return values;
    }

    private static int number(String text, String name, int min, int max, List<String> names) {
        int named = names.indexOf(text.toLowerCase());
        if (named >= 0) {
            return named + (names == MONTHS ? 1 : 0);
        }
        try {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // reported below, with the range
        }
        throw new InvalidScheduleException("the " + name + " '" + text + "' is not " + min + "-" + max
                + (names.isEmpty() ? "" : " or a name (" + names.get(0) + ", " + names.get(1) + ", ...)"));
    }

    @Override
    public String toString() {
        return text;
    }
}
