package dev.gantry.build;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The process types an app declares, each with its command, in the order declared. An empty
 * command means "the image's own CMD", which is what {@code web} runs when there is no Procfile.
 * {@value #RELEASE} is not a long-running type: it is the command that runs once per release.
 */
public final class ProcessTypes {

    public static final String WEB = "web";
    public static final String RELEASE = "release";
    /** Lowercase so the name is also a valid hostname label, a container name part and a label value. */
    public static final Pattern NAME = Pattern.compile("[a-z0-9]([a-z0-9-]{0,28}[a-z0-9])?");
    public static final String NAME_RULE = "lowercase letters, digits and inner dashes, at most 30 characters"
            + " (e.g. web, worker, clock)";

    private static final ProcessTypes IMAGE_CMD_AS_WEB = new ProcessTypes(Map.of(WEB, ""));

    private final Map<String, String> commands;

    private ProcessTypes(Map<String, String> commands) {
        this.commands = Collections.unmodifiableMap(new LinkedHashMap<>(commands));
    }

    /** What an app without a Procfile runs: the image's CMD as {@code web}. */
    public static ProcessTypes imageCommandAsWeb() {
        return IMAGE_CMD_AS_WEB;
    }

    /** Rebuilds the types from what a release stored; null (releases older than process types) means web only. */
    public static ProcessTypes of(Map<String, String> commands) {
        return commands == null || commands.isEmpty() ? IMAGE_CMD_AS_WEB : new ProcessTypes(commands);
    }

    /** Name to command, in declaration order, the release command included. */
    public Map<String, String> commands() {
        return commands;
    }

    /** The long-running types, in declaration order: everything but {@value #RELEASE}. */
    public Map<String, String> longRunning() {
        Map<String, String> running = new LinkedHashMap<>(commands);
        running.remove(RELEASE);
        return running;
    }

    public boolean has(String type) {
        return longRunning().containsKey(type);
    }

    public Optional<String> releaseCommand() {
        return Optional.ofNullable(commands.get(RELEASE));
    }

    static ProcessTypes declared(Map<String, String> commands) {
        return new ProcessTypes(commands);
    }

    /**
     * An image built from a Dockerfile has a CMD, which is {@code web} unless the Procfile says
     * otherwise (as in Dokku).
     */
    public ProcessTypes withImageCommandAsWeb() {
        if (commands.containsKey(WEB)) {
            return this;
        }
        Map<String, String> withWeb = new LinkedHashMap<>();
        withWeb.put(WEB, "");
        withWeb.putAll(commands);
        return new ProcessTypes(withWeb);
    }

    public static boolean isValidName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    @Override
    public String toString() {
        return String.join(", ", longRunning().keySet());
    }
}
