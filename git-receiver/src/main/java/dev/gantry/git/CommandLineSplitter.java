package dev.gantry.git;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits an SSH exec string into argv the way a POSIX shell would split words, and does nothing
 * else a shell does: no variables, no command substitution, no globbing, no operators. Git sends
 * {@code git-receive-pack '/myapp.git'}; users send {@code apps:create 'my app'}.
 *
 * <p>Rules: space and tab separate words; {@code '...'} is literal; inside {@code "..."} a
 * backslash escapes only {@code " \ $ `}; outside quotes a backslash escapes the next character.
 * Refused: control characters (NUL, newline, ...), unclosed quotes, more than 8 KiB.
 */
final class CommandLineSplitter {
    static final int MAX_BYTES = 8 * 1024;

    private CommandLineSplitter() {
    }

    static List<String> split(String commandLine) throws RefusedCommandException {
        if (commandLine.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new RefusedCommandException("the command is longer than 8 KiB. Shorten it.");
        }
        for (int i = 0; i < commandLine.length(); i++) {
            char c = commandLine.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7f) {
                throw new RefusedCommandException(String.format(
                        "the command contains the control character \\u%04x. Send one line of printable text.",
                        (int) c));
            }
        }
        return words(commandLine);
    }

    private static List<String> words(String line) throws RefusedCommandException {
        List<String> argv = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == ' ' || c == '\t') {
                if (inWord) {
                    argv.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
                i++;
                continue;
            }
            inWord = true;
            if (c == '\'') {
                int close = line.indexOf('\'', i + 1);
                if (close < 0) {
                    throw unclosed('\'');
                }
                word.append(line, i + 1, close);
                i = close + 1;
            } else if (c == '"') {
                i = readDoubleQuoted(line, i + 1, word);
            } else if (c == '\\') {
                if (i + 1 >= line.length()) {
                    throw new RefusedCommandException(
                            "the command ends with a lone backslash. Remove it or quote the argument.");
                }
                word.append(line.charAt(i + 1));
                i += 2;
            } else {
                word.append(c);
                i++;
            }
        }
        if (inWord) {
            argv.add(word.toString());
        }
        return argv;
    }

    /** Appends the body of a double-quoted part starting after the opening quote; returns the index after the closing one. */
    private static int readDoubleQuoted(String line, int start, StringBuilder word) throws RefusedCommandException {
        int i = start;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '"') {
                return i + 1;
            }
            if (c == '\\' && i + 1 < line.length() && "\"\\$`".indexOf(line.charAt(i + 1)) >= 0) {
                word.append(line.charAt(i + 1));
                i += 2;
            } else {
                word.append(c);
                i++;
            }
        }
        throw unclosed('"');
    }

    private static RefusedCommandException unclosed(char quote) {
        return new RefusedCommandException("the command has an unclosed " + quote + " quote. Close the quote.");
    }
}
