package dev.gantry.control;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code KEY=VALUE} arguments as commands take them ({@code checks:set}, {@code deploy:set},
 * {@code config:set}): split at the first '=', in the order given, the value kept byte-exact.
 */
public final class Assignments {

    private Assignments() {
    }

    /** @param example shown in the error, e.g. {@code path=/health} */
    public static Map<String, String> parse(List<String> arguments, String example) {
        Map<String, String> assignments = new LinkedHashMap<>();
        for (String argument : arguments) {
            int equals = argument.indexOf('=');
            if (equals <= 0) {
                throw new InvalidInputException("'" + argument + "' is not KEY=VALUE. Use e.g. " + example);
            }
            assignments.put(argument.substring(0, equals), argument.substring(equals + 1));
        }
        return assignments;
    }
}
