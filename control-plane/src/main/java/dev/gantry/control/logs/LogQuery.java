package dev.gantry.control.logs;

import dev.gantry.control.InvalidInputException;
import dev.gantry.control.checks.Durations;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Which lines {@code logs} shows: the last {@code lines}, optionally of one process type and not
 * older than {@code since}; {@code follow} keeps the stream open for new lines.
 */
public record LogQuery(int lines, Optional<String> type, Optional<Instant> since, boolean follow) {

    public static final int DEFAULT_LINES = 100;
    public static final int MAX_LINES = 10_000;
    public static final String USAGE = "APP [-f] [-n LINES] [--type TYPE] [--since 10m]";

    public boolean matches(AppLogLine line) {
        return type.map(wanted -> wanted.equals(line.processType())).orElse(true)
                && since.map(from -> !line.time().isBefore(from)).orElse(true);
    }

    /** Reads {@code -f}, {@code -n N}, {@code --type T} and {@code --since 10m} in any order. */
    public static LogQuery parse(List<String> options) {
        int lines = DEFAULT_LINES;
        Optional<String> type = Optional.empty();
        Optional<Instant> since = Optional.empty();
        boolean follow = false;
        for (int i = 0; i < options.size(); i++) {
            String option = options.get(i);
            switch (option) {
                case "-f", "--follow" -> follow = true;
                case "-n", "--num" -> lines = lines(valueOf(options, ++i, option));
                case "--type", "-t" -> type = Optional.of(valueOf(options, ++i, option));
                case "--since" -> since = Optional.of(Instant.now().minus(
                        Durations.parse("--since", valueOf(options, ++i, option))));
                default -> throw new InvalidInputException("unknown option '" + option + "' for logs. Usage: logs "
                        + USAGE);
            }
        }
        return new LogQuery(lines, type, since, follow);
    }

    private static String valueOf(List<String> options, int index, String option) {
        if (index >= options.size()) {
            throw new InvalidInputException(option + " needs a value. Usage: logs " + USAGE);
        }
        return options.get(index);
    }

    private static int lines(String text) {
        if (!text.matches("[0-9]{1,5}") || Integer.parseInt(text) > MAX_LINES) {
            throw new InvalidInputException("'" + text + "' is not a line count from 0 to " + MAX_LINES
                    + ". Write e.g. -n 200");
        }
        return Integer.parseInt(text);
    }
}
