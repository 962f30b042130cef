package dev.gantry.common;

import java.util.regex.Pattern;

/**
 * The one rule for app names, shared by the SSH server (repository paths) and the control plane
 * ({@code apps:create}). A name is a lowercase DNS label of 1-30 characters, so it is safe as a
 * directory name, a container name part and a hostname label without any quoting.
 */
public final class AppName {
    public static final int MAX_LENGTH = 30;

    /** The rule in words, the second half of every "not a valid app name" message. */
    public static final String RULE = "App names are 1-30 lowercase letters, digits and hyphens,"
            + " starting and ending with a letter or digit.";

    // ASCII only: Java's [a-z] never matches look-alike letters such as Cyrillic 'а'.
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,28}[a-z0-9])?");

    private AppName() {
    }

    public static boolean isValid(String candidate) {
        return candidate != null && DNS_LABEL.matcher(candidate).matches();
    }

    /**
     * Returns {@code candidate} unchanged when it is a valid app name; never cleans it up.
     *
     * @throws InvalidAppNameException naming the input and the rule
     */
    public static String requireValid(String candidate) {
        if (!isValid(candidate)) {
            throw new InvalidAppNameException(candidate);
        }
        return candidate;
    }
}
