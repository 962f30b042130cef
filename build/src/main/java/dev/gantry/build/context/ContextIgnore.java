package dev.gantry.build.context;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The paths a build context leaves out, read from a {@code .dockerignore} the way the Docker CLI
 * reads it (the engine's build API applies none of it): one pattern a line, {@code #} comments,
 * {@code *}, {@code ?} and {@code [...]} within a path segment, {@code **} for any number of
 * segments, {@code !} to take a path back in, the last matching line deciding; a pattern that matches
 * a directory leaves out everything below it. Paths are relative to the repository's root, without a
 * leading {@code /}. The Dockerfile and the {@code .dockerignore} itself always stay in, as with the
 * CLI.
 */
public final class ContextIgnore {

    /** Leaves nothing out. */
    public static final ContextIgnore NONE = new ContextIgnore(List.of(), Set.of());

    private record Rule(Pattern pattern, boolean exception) {
    }

    private final List<Rule> rules;
    private final Set<String> alwaysKept;

    private ContextIgnore(List<Rule> rules, Set<String> alwaysKept) {
        this.rules = rules;
        this.alwaysKept = alwaysKept;
    }

    /** The rules of a {@code .dockerignore}'s text, keeping {@code alwaysKept} (the Dockerfile's path) in. */
    public static ContextIgnore parse(String dockerignore, String... alwaysKept) {
        List<Rule> rules = new ArrayList<>();
        for (String raw : dockerignore.split("\r?\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            boolean exception = line.startsWith("!");
            String pattern = clean(exception ? line.substring(1).strip() : line);
            if (!pattern.isEmpty()) {
                rules.add(new Rule(Pattern.compile(regex(pattern)), exception));
            }
        }
        Set<String> kept = new HashSet<>(Set.of(".dockerignore"));
        for (String path : alwaysKept) {
            kept.add(clean(path));
        }
        return new ContextIgnore(List.copyOf(rules), Set.copyOf(kept));
    }

    /** Whether {@code path} (a file, or a directory with all it holds) is left out of the context. */
    public boolean excludes(String path) {
        if (alwaysKept.contains(path)) {
            return false;
        }
        boolean excluded = false;
        for (Rule rule : rules) {
            // An exclusion matters only once something excluded the path, an exception only then too.
            if (rule.exception() != excluded) {
                continue;
            }
            if (matchesItOrAParent(rule.pattern(), path)) {
                excluded = !rule.exception();
            }
        }
        return excluded;
    }

    /**
     * Whether a directory left out may still hold something taken back in by a {@code !} line (or
     * kept always), so that the walk must look inside rather than skip it.
     */
    public boolean mayKeepInside(String directory) {
        return rules.stream().anyMatch(Rule::exception)
                || alwaysKept.stream().anyMatch(kept -> kept.startsWith(directory + "/"));
    }

    private static boolean matchesItOrAParent(Pattern pattern, String path) {
        if (pattern.matcher(path).matches()) {
            return true;
        }
        for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
            if (pattern.matcher(path.substring(0, slash)).matches()) {
                return true;
            }
        }
        return false;
    }

    /** As Go's filepath.Clean, which the CLI applies: no "./", no doubled or trailing "/", no leading "/". */
    private static String clean(String path) {
        List<String> parts = new ArrayList<>();
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (!parts.isEmpty()) {
                    parts.remove(parts.size() - 1);
                }
                continue;
            }
            parts.add(part);
        }
        return String.join("/", parts);
    }

    /** {@code [a-z]} or {@code [^.]}, as in Go's filepath.Match: never matching a "/". */
    private static String charClass(String set) {
        StringBuilder out = new StringBuilder("[");
        int start = 0;
        if (set.startsWith("^")) {
            out.append("^/");
            start = 1;
        }
        for (char ch : set.substring(start).toCharArray()) {
            if (ch == '-' || Character.isLetterOrDigit(ch)) {
                out.append(ch);
            } else {
                out.append('\\').append(ch);
            }
        }
        return out.append(']').toString();
    }

    private static String regex(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '*' && i + 1 < pattern.length() && pattern.charAt(i + 1) == '*') {
                i++;
                boolean wholeSegment = i + 1 < pattern.length() && pattern.charAt(i + 1) == '/';
                // "**/" is any number of leading directories, none included; a bare "**" is anything.
                regex.append(wholeSegment ? "(?:.*/)?" : ".*");
                if (wholeSegment) {
                    i++;
                }
            } else if (c == '*') {
                regex.append("[^/]*");
            } else if (c == '?') {
                regex.append("[^/]");
            } else if (c == '[') {
                int end = pattern.indexOf(']', i + 1);
                if (end < 0) {
                    regex.append("\\[");
                } else {
                    regex.append(charClass(pattern.substring(i + 1, end)));
                    i = end;
                }
            } else if (c == '\\' && i + 1 < pattern.length()) {
                regex.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return regex.toString();
    }
}
