package dev.gantry.control.command;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How times look in command output and the console: UTC to the second, the same on every host. */
public final class Formats {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private Formats() {
    }

    public static String time(Instant instant) {
        return TIME.format(instant);
    }

    /** An uptime as people read it: 45s, 12m3s, 5h2m, 3d4h; zero is shown as "-". */
    public static String duration(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds <= 0) {
            return "-";
        }
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return seconds / 60 + "m" + seconds % 60 + "s";
        }
        if (seconds < 86_400) {
            return seconds / 3600 + "h" + seconds % 3600 / 60 + "m";
        }
        return seconds / 86_400 + "d" + seconds % 86_400 / 3600 + "h";
    }
}
