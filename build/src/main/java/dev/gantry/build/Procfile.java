package dev.gantry.build;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a Procfile in Heroku's format: one {@code type: command} per line; blank lines and lines
 * starting with {@code #} are ignored. Anything else is refused with the line number, because a
 * silently skipped line is a process that never runs.
 */
public final class Procfile {

    public static final String FILE_NAME = "Procfile";
    private static final int MAX_TYPES = 20;

    private Procfile() {
    }

    public static ProcessTypes parse(String text) {
        Map<String, String> commands = new LinkedHashMap<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int number = i + 1;
            int colon = line.indexOf(':');
            if (colon < 0) {
                throw new InvalidProcfileException(number, "expected 'type: command', found no ':'");
            }
            String type = line.substring(0, colon).strip();
            String command = line.substring(colon + 1).strip();
            if (!ProcessTypes.isValidName(type)) {
                throw new InvalidProcfileException(number, "'" + type + "' is not a valid process type name: use "
                        + ProcessTypes.NAME_RULE);
            }
            if (command.isEmpty()) {
                throw new InvalidProcfileException(number, "process type '" + type + "' has no command");
            }
            if (commands.put(type, command) != null) {
                throw new InvalidProcfileException(number, "process type '" + type + "' is declared twice");
            }
        }
        if (commands.size() > MAX_TYPES) {
            throw new InvalidProcfileException(lines.length, "more than " + MAX_TYPES + " process types");
        }
        return ProcessTypes.declared(commands);
    }
}
