package dev.gantry.control.logs;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * One line of an app's log stream: when, from where ({@code web.1}, {@code worker.2}, or
 * {@value #GANTRY} for Gantry's own events about the app) and what. Stored one per line as
 * {@code TIME SOURCE TEXT}.
 */
public record AppLogLine(Instant time, String source, String text) {

    public static final String GANTRY = "gantry";

    public AppLogLine {
        // A line break inside the text would forge a second line in the store.
        text = text.replace('\n', ' ').replace('\r', ' ');
    }

    public String stored() {
        return time + " " + source + " " + text;
    }

    /** Empty for a line that is not in the stored form (a torn write, a file edited by hand). */
    public static Optional<AppLogLine> parse(String stored) {
        int first = stored.indexOf(' ');
        int second = first < 0 ? -1 : stored.indexOf(' ', first + 1);
        if (second < 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(new AppLogLine(Instant.parse(stored.substring(0, first)),
                    stored.substring(first + 1, second), stored.substring(second + 1)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The process type a source belongs to ({@code web} for {@code web.2}). */
    public String processType() {
        int dot = source.indexOf('.');
        return dot < 0 ? source : source.substring(0, dot);
    }
}
