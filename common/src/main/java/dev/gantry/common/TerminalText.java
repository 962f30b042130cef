package dev.gantry.common;

import java.util.ArrayList;
import java.util.List;

/**
 * Makes one line of untrusted program output safe to print on a terminal or write to a log
 * (CWE-117). Build steps and apps control their output, so a carriage return could overwrite
 * earlier lines, an OSC sequence could retitle the operator's terminal, and other escape
 * sequences could move the cursor or hide text. Only SGR colour sequences ({@code ESC[31m})
 * survive, because build tools use them and they cannot rewrite what was already shown.
 */
public final class TerminalText {

    private static final char ESC = '\u001b';
    private static final char BEL = '\u0007';
    private static final int MAX_QUOTED = 64;

    private TerminalText() {
    }

    /**
     * {@code text} split into lines, each {@link #sanitize sanitized}: what a git client's sideband
     * shows. {@code "a\n"} is one line, not two.
     */
    public static List<String> safeLines(String text) {
        List<String> lines = new ArrayList<>();
        for (String line : (text == null ? "" : text).split("\n", -1)) {
            lines.add(sanitize(line));
        }
        if (lines.size() > 1 && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    /** One line: newlines become spaces, then the same stripping as {@link #sanitize}. */
    public static String oneLine(String text) {
        return sanitize(text == null ? "" : text.replace('\n', ' '));
    }

    /**
     * Quotes user input for an error message: {@code 'input'}, with control characters shown as
     * {@code \\uXXXX} and anything past 64 characters cut to "...", so the message stays one line.
     */
    public static String quote(String input) {
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

    /** {@code line} without CR, C0/C1 control characters or escape sequences other than SGR; tabs stay. */
    public static String sanitize(String line) {
        return clean(line, true);
    }

    /**
     * {@code line} as plain text: like {@link #sanitize} but without colour sequences either, for
     * app logs that are stored and shown outside a terminal.
     */
    public static String plain(String line) {
        return clean(line, false);
    }

    private static String clean(String line, boolean keepColours) {
        StringBuilder out = new StringBuilder(line.length());
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == ESC) {
                i = skipOrKeepEscape(line, i, keepColours ? out : null);
            } else {
                if (c == '\t' || !isControl(c)) {
                    out.append(c);
                }
                i++;
            }
        }
        return out.toString();
    }

    /**
     * Handles the escape sequence starting at {@code start}; returns the index just after it. A
     * colour sequence is copied to {@code out} unless it is null.
     */
    private static int skipOrKeepEscape(String s, int start, StringBuilder out) {
        int i = start + 1;
        if (i >= s.length()) {
            return i;
        }
        char kind = s.charAt(i);
        if (kind == '[') {
            return csi(s, start, out);
        }
        if (kind == ']' || kind == 'P' || kind == '_' || kind == '^' || kind == 'X') {
            return endOfControlString(s, i + 1);
        }
        // Any other two-character escape (ESC c resets the terminal, ESC 7 saves the cursor...).
        return i + 1;
    }

    /** Keeps {@code ESC [ digits/; m}; drops every other CSI sequence (cursor moves, erases). */
    private static int csi(String s, int start, StringBuilder out) {
        int i = start + 2;
        while (i < s.length() && s.charAt(i) >= 0x30 && s.charAt(i) <= 0x3f) {
            i++; // parameter bytes
        }
        while (i < s.length() && s.charAt(i) >= 0x20 && s.charAt(i) <= 0x2f) {
            i++; // intermediate bytes
        }
        if (i >= s.length()) {
            return i; // unterminated: drop it
        }
        char finalByte = s.charAt(i);
        if (out != null && finalByte == 'm' && isSgrParameters(s, start + 2, i)) {
            out.append(s, start, i + 1);
        }
        return finalByte >= 0x40 && finalByte <= 0x7e ? i + 1 : i;
    }

    private static boolean isSgrParameters(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9') && c != ';') {
                return false;
            }
        }
        return true;
    }

    /** OSC, DCS, APC, PM and SOS run until BEL or ST ({@code ESC \}); their payload goes too. */
    private static int endOfControlString(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == BEL) {
                return i + 1;
            }
            if (c == ESC) {
                return i + 1 < s.length() && s.charAt(i + 1) == '\\' ? i + 2 : i;
            }
        }
        return s.length();
    }

    private static boolean isControl(char c) {
        return c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f);
    }
}
