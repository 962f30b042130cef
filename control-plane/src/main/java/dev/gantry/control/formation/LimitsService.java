package dev.gantry.control.formation;

import dev.gantry.build.ProcessTypes;
import dev.gantry.control.InvalidInputException;
import dev.gantry.control.apps.AppService;
import dev.gantry.control.domain.App;
import dev.gantry.control.domain.Formation;
import dev.gantry.control.logs.AppEvents;
import dev.gantry.node.ResourceLimits;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code limits:set APP TYPE memory=512m cpus=0.5 pids=256}: what each instance of a process type
 * may use. Stored with the formation; instances started from then on get them (the next deploy,
 * {@code ps:restart}, a scale-up or a restart after a crash).
 */
@ApplicationScoped
public class LimitsService {

    static final String DEFAULT = "default";
    private static final Pattern MEMORY = Pattern.compile("([0-9]{1,7})([kmg])?b?");
    private static final long MIN_MEMORY = 6L * 1024 * 1024;
    private static final int MAX_CPUS = 64;
    private static final int MIN_PIDS = 16;
    private static final int MAX_PIDS = 32_768;

    private final AppService apps;
    private final AppEvents events;

    LimitsService(AppService apps, AppEvents events) {
        this.apps = apps;
        this.events = events;
    }

    @Transactional
    public Map<String, ResourceLimits> limits(String appName) {
        App app = apps.get(appName);
        Map<String, ResourceLimits> limits = new LinkedHashMap<>();
        Formation.of(app).forEach(row -> limits.put(row.processType, row.limits()));
        return limits;
    }

    @Transactional
    public ResourceLimits set(String appName, String type, Map<String, String> settings, String user) {
        App app = apps.get(appName);
        if (!ProcessTypes.isValidName(type)) {
            throw new InvalidInputException("'" + type + "' is not a process type. Use the names in the Procfile"
                    + " (e.g. limits:set " + appName + " web memory=512m)");
        }
        if (settings.isEmpty()) {
            throw new InvalidInputException("nothing to set. Write e.g. limits:set " + appName + " " + type
                    + " memory=512m cpus=0.5 pids=256");
        }
        Formation row = Formation.ofType(app, type);
        settings.forEach((name, value) -> {
            switch (name) {
                case "memory" -> row.memoryBytes = DEFAULT.equals(value) ? null : memory(value);
                case "cpus" -> row.cpus = DEFAULT.equals(value) ? null : cpus(value);
                case "pids" -> row.pids = DEFAULT.equals(value) ? null : pids(value);
                default -> throw new InvalidInputException("unknown limit '" + name + "'. Set memory, cpus or pids"
                        + " (or NAME=default to go back to Gantry's default)");
            }
        });
        events.record(appName, "limits of " + type + " set by " + user + ": " + describe(row.limits()));
        return row.limits();
    }

    /** How limits read in command output: {@code memory=512m cpus=0.5 pids=256}, unlimited shown as such. */
    public static String describe(ResourceLimits limits) {
        return "memory=" + formatMemory(limits.memoryBytes())
                + " cpus=" + (limits.cpus() == 0 ? "unlimited" : stripZeros(limits.cpus()))
                + " pids=" + (limits.pids() == 0 ? ResourceLimits.DEFAULT_PIDS : limits.pids());
    }

    static long memory(String text) {
        Matcher matcher = MEMORY.matcher(text.toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw new InvalidInputException("memory: '" + text + "' is not a size. Write it like 512m or 1g");
        }
        long bytes = Long.parseLong(matcher.group(1)) * switch (matcher.group(2) == null ? "" : matcher.group(2)) {
            case "k" -> 1024L;
            case "m" -> 1024L * 1024;
            case "g" -> 1024L * 1024 * 1024;
            default -> 1L;
        };
        if (bytes < MIN_MEMORY) {
            throw new InvalidInputException("memory: " + text + " is below the engine's minimum of 6m. Give at least"
                    + " 6m (most apps need 128m or more)");
        }
        return bytes;
    }

    static double cpus(String text) {
        if (!text.matches("[0-9]{1,2}(\\.[0-9]{1,2})?") || Double.parseDouble(text) <= 0
                || Double.parseDouble(text) > MAX_CPUS) {
            throw new InvalidInputException("cpus: '" + text + "' is not a share of CPU from 0.01 to " + MAX_CPUS
                    + ". Write it like 0.5 or 2");
        }
        return Double.parseDouble(text);
    }

    static int pids(String text) {
        if (!text.matches("[0-9]{1,5}") || Integer.parseInt(text) < MIN_PIDS || Integer.parseInt(text) > MAX_PIDS) {
            throw new InvalidInputException("pids: '" + text + "' is not a process count from " + MIN_PIDS + " to "
                    + MAX_PIDS + ". Write it like 256");
        }
        return Integer.parseInt(text);
    }

    private static String formatMemory(long bytes) {
        if (bytes == 0) {
            return "unlimited";
        }
        long mib = bytes / (1024 * 1024);
        return mib % 1024 == 0 ? mib / 1024 + "g" : mib + "m";
    }

    private static String stripZeros(double cpus) {
        return cpus == Math.rint(cpus) ? Long.toString((long) cpus) : Double.toString(cpus);
    }
}
