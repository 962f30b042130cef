package dev.gantry.build;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A version range as package.json's {@code engines.node} writes it, in npm's semver syntax: {@code
 * 22.x}, {@code >=18}, {@code ^20.11.0}, {@code ~20.1}, {@code 18 - 20}, {@code 20.x || 22.x}.
 * Gantry only asks whether one version (the Debian-packaged Node.js) satisfies it; npm resolves
 * the range itself when Gantry fetches another. Pre-release tags are not considered.
 */
final class NodeVersionRange {

    private static final Pattern PARTIAL = Pattern.compile(
            "v?(\\d+|[xX*])(?:\\.(\\d+|[xX*])(?:\\.(\\d+|[xX*])(?:[-+][0-9A-Za-z.+-]*)?)?)?");
    private static final Pattern COMPARATOR = Pattern.compile("(<=|>=|<|>|=|~>?|\\^)?(.+)");

    /** One comparison with a version: {@code op} is one of <, <=, >, >=, =. */
    private record Comparator(String op, int[] version) {
        boolean test(int[] candidate) {
            int order = compare(candidate, version);
            return switch (op) {
                case "<" -> order < 0;
                case "<=" -> order <= 0;
                case ">" -> order > 0;
                case ">=" -> order >= 0;
                default -> order == 0;
            };
        }
    }

    private final String text;
    /** Any set may match; within a set, every comparator must. */
    private final List<List<Comparator>> sets;

    private NodeVersionRange(String text, List<List<Comparator>> sets) {
        this.text = text;
        this.sets = sets;
    }

    /** @throws IllegalArgumentException naming the part that is not a version range */
    static NodeVersionRange parse(String text) {
        List<List<Comparator>> sets = new ArrayList<>();
        for (String range : text.strip().split("\\s*\\|\\|\\s*", -1)) {
            sets.add(range(range.strip()));
        }
        return new NodeVersionRange(text.strip(), sets);
    }

    /** Whether {@code version} ("18.20.4") is in the range. */
    boolean includes(String version) {
        int[] candidate = exact(version);
        return sets.stream().anyMatch(set -> set.stream().allMatch(comparator -> comparator.test(candidate)));
    }

    @Override
    public String toString() {
        return text;
    }

    private static List<Comparator> range(String range) {
        List<Comparator> comparators = new ArrayList<>();
        String[] hyphen = range.split("\\s+-\\s+");
        if (hyphen.length == 2) {
            Integer[] from = partial(hyphen[0]);
            Integer[] to = partial(hyphen[1]);
            comparators.add(new Comparator(">=", floor(from)));
            comparators.add(to[2] != null ? new Comparator("<=", floor(to)) : new Comparator("<", next(to)));
            return comparators;
        }
        // ">= 18" is one comparator: join an operator with the version after it.
        String joined = range.replaceAll("(<=|>=|<|>|=|~|\\^)\\s+", "$1");
        for (String token : joined.isEmpty() ? new String[0] : joined.split("\\s+")) {
            Matcher matcher = COMPARATOR.matcher(token);
            if (!matcher.matches()) {
                throw new IllegalArgumentException("'" + token + "' is not a version");
            }
            comparators.addAll(comparator(matcher.group(1) == null ? "" : matcher.group(1), partial(matcher.group(2))));
        }
        return comparators;
    }

    private static List<Comparator> comparator(String op, Integer[] partial) {
        boolean wildcard = partial[0] == null;
        boolean exactVersion = partial[2] != null;
        return switch (op) {
            case "", "=" -> wildcard ? List.of() : exactVersion ? List.of(new Comparator("=", floor(partial)))
                    : List.of(new Comparator(">=", floor(partial)), new Comparator("<", next(partial)));
            case ">=" -> wildcard ? List.of() : List.of(new Comparator(">=", floor(partial)));
            case ">" -> wildcard ? List.of(new Comparator("<", new int[] {0, 0, 0}))
                    : List.of(new Comparator(exactVersion ? ">" : ">=", exactVersion ? floor(partial) : next(partial)));
            case "<" -> List.of(new Comparator("<", floor(partial)));
            case "<=" -> wildcard ? List.of() : List.of(exactVersion ? new Comparator("<=", floor(partial))
                    : new Comparator("<", next(partial)));
            case "~", "~>" -> wildcard ? List.of() : List.of(new Comparator(">=", floor(partial)),
                    new Comparator("<", partial[1] == null ? next(partial) : new int[] {partial[0], partial[1] + 1, 0}));
            default -> wildcard ? List.of() : List.of(new Comparator(">=", floor(partial)),
                    new Comparator("<", caretCeiling(partial)));
        };
    }

    /** ^1.2.3 stops below 2.0.0, ^0.2.3 below 0.3.0, ^0.0.3 below 0.0.4: the first non-zero part may not change. */
    private static int[] caretCeiling(Integer[] partial) {
        if (partial[0] > 0 || partial[1] == null) {
            return new int[] {partial[0] + 1, 0, 0};
        }
        if (partial[1] > 0 || partial[2] == null) {
            return new int[] {0, partial[1] + 1, 0};
        }
        return new int[] {0, 0, partial[2] + 1};
    }

    /** The parts of a partial version; null for a missing or wildcard part (and every part after it). */
    private static Integer[] partial(String text) {
        Matcher matcher = PARTIAL.matcher(text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a version");
        }
        Integer[] parts = new Integer[3];
        for (int i = 0; i < 3; i++) {
            String part = matcher.group(i + 1);
            if (part == null || !Character.isDigit(part.charAt(0))) {
                break;
            }
            parts[i] = Integer.parseInt(part);
        }
        return parts;
    }

    private static int[] floor(Integer[] partial) {
        return new int[] {partial[0], partial[1] == null ? 0 : partial[1], partial[2] == null ? 0 : partial[2]};
    }

    /** The first version past a partial: 1 → 2.0.0, 1.2 → 1.3.0. */
    private static int[] next(Integer[] partial) {
        return partial[1] == null ? new int[] {partial[0] + 1, 0, 0} : new int[] {partial[0], partial[1] + 1, 0};
    }

    private static int[] exact(String version) {
        Integer[] parts = partial(version);
        if (parts[2] == null) {
            throw new IllegalArgumentException("'" + version + "' is not an exact version");
        }
        return floor(parts);
    }

    private static int compare(int[] a, int[] b) {
        for (int i = 0; i < 3; i++) {
            if (a[i] != b[i]) {
                return Integer.compare(a[i], b[i]);
            }
        }
        return 0;
    }
}
