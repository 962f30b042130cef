package dev.gantry.router;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The time of a log line, ISO-8601 in UTC to the millisecond ({@code 2026-12-03T07:58:12.345Z}). The
 * date and time of day are formatted once a second, as DateTimeFormatter per line would cost more than
 * the rest of an access log line. For one thread.
 */
final class LogTimestamps {

    private static final DateTimeFormatter TO_THE_SECOND = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

    private long second = Long.MIN_VALUE;
    private String secondText = "";

    void append(StringBuilder line, Instant time) {
        long epochSecond = time.getEpochSecond();
        if (epochSecond != second) {
            second = epochSecond;
            secondText = LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.UTC).format(TO_THE_SECOND);
        }
        int millis = time.getNano() / 1_000_000;
        line.append(secondText).append('.');
        if (millis < 100) {
            line.append('0');
        }
        if (millis < 10) {
            line.append('0');
        }
        line.append(millis).append('Z');
    }
}
