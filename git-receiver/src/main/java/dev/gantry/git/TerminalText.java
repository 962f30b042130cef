package dev.gantry.git;

import java.util.ArrayList;
import java.util.List;

/**
 * Makes text safe to show on a user's terminal (CWE-117). Git 2.39 (Debian bookworm) relays
 * sideband bytes verbatim, so a build log could otherwise move the cursor, rewrite earlier lines
 * or set the window title. Colour (SGR) sequences are kept because build tools use them.
 */
final class TerminalText {
    private static final int MAX_QUOTED = 64;
    private static final char ESC = 0x1b;

    private TerminalText() {
    }

    /**
     * Splits {@code text} into lines and strips each: CR, C0 and C1 control characters, DEL and
     * every escape sequence (CSI, OSC, two-character) except SGR colours ({@code ESC [ digits/semicolons m}) are removed whole; tabs stay.
     */
    static List<String> safeLines(String text) {
        List<String> lines = new ArrayList<>();
        for (String line : (text == null ? "" : text).split("\n", -1)) {
            lines.add(strip(line));
        }
        if (lines.size() > 1 && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1); // "a\n" is one line, not two
        }
        return lines;
    }

    /** One line: newlines become spaces, then the same stripping as {@link #safeLines}. */
    static String oneLine(String text) {
        return strip(text == null ? "" : text.replace('\n', ' '));
    }

    private static String strip(String line) {
        StringBuilder out = new StringBuilder(line.length());
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == ESC) {
                int end = escapeEnd(line, i);
                if (isSgr(line, i, end)) {
                    out.append(line, i, end);
                }
                i = end;
            } else if (c == '\t' || !isControl(c)) {
                out.append(c);
                i++;
            } else {
                i++;
            }
        }
        return out.toString();
    }

    /** End (exclusive) of the escape sequence at {@code start}: CSI, OSC or a two-character escape. */
    private static int escapeEnd(String s, int start) {
        if (start + 1 >= s.length()) {
            return s.length();
        }
        char kind = s.charAt(start + 1);
        if (kind == '[') { // CSI: parameters and intermediates, then one final byte 0x40-0x7e
            for (int i = start + 2; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c >= 0x40 && c <= 0x7e) {
                    return i + 1;
                }
                if (c < 0x20 || c > 0x7e) { // malformed: stop before the stray character
                    return i;
                }
            }
            return s.length();
        }
        if (kind == ']') { // OSC (window title, hyperlinks): ends with BEL or ESC backslash
            for (int i = start + 2; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == 0x07) {
                    return i + 1;
                }
                if (c == ESC) {
                    return i + 1 < s.length() && s.charAt(i + 1) == '\\' ? i + 2 : i;
                }
            }
            return s.length();
        }
        return start + 2;
    }

    /** Whether {@code s[start, end)} is a colour sequence: ESC [ digits and semicolons m. */
    private static boolean isSgr(String s, int start, int end) {
        if (end - start < 3 || s.charAt(start + 1) != '[' || s.charAt(end - 1) != 'm') {
            return false;
        }
        for (int i = start + 2; i < end - 1; i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9') && c != ';') {
                return false;
            }
        }
        return true;
    }

    private static boolean isControl(char c) {
        return c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f);
    }

    /**
     * Quotes user input for an error message: {@code 'input'}, with control characters shown as
     * {@code \\uXXXX} and anything past 64 characters cut to "...", so the message stays one line.
     */
    static String quote(String input) {
        if (input == null) {
            return "''";
        }
        StringBuilder out = new StringBuilder("'");
        int shown = Math.min(input.length(), MAX_QUOTED);
        for (int i = 0; i < shown; i++) {
            char c = input.charAt(i);
            if (isControl(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        if (input.length() > MAX_QUOTED) {
            out.append("...");
        }
        return out.append('\'').toString();
    }
}
