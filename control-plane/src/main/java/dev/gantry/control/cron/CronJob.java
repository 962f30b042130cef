package dev.gantry.control.cron;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One entry of app.json's {@code cron}: a command run on a schedule in a one-off container of the
 * current release. Its id comes from the schedule and command, so it stays the same from push to
 * push while the entry does, and {@code cron:run APP ID} keeps naming it.
 */
public record CronJob(String id, CronSchedule schedule, String command) {

    static CronJob of(CronSchedule schedule, String command) {
        return new CronJob(idOf(schedule + "\n" + command), schedule, command);
    }

    private static String idOf(String entry) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(entry.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
