package dev.gantry.control.apps;

import dev.gantry.control.Assignments;
import dev.gantry.control.InvalidInputException;
import dev.gantry.control.checks.Durations;
import dev.gantry.control.checks.HealthCheckSettings;
import dev.gantry.control.checks.HealthCheckSpec;
import dev.gantry.control.domain.App;
import dev.gantry.control.domain.DeployPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Changes an app's health check and rollout policy. They apply from the next release on; a release
 * keeps the health check it was made with, so rolling back restores it too.
 */
@ApplicationScoped
public class AppSettingsService {

    private static final Duration MAX_DRAIN = Duration.ofMinutes(30);
    private static final Duration MAX_GRACE = Duration.ofMinutes(10);
    private static final Duration MAX_WATCH = Duration.ofHours(1);

    private final AppService apps;

    AppSettingsService(AppService apps) {
        this.apps = apps;
    }

    @Transactional
    public HealthCheckSpec checks(String appName) {
        return apps.get(appName).checksOrDefault();
    }

    @Transactional
    public HealthCheckSpec setChecks(String appName, List<String> assignments) {
        App app = apps.get(appName);
        app.checks = HealthCheckSettings.apply(app.checksOrDefault(), assignments);
        return app.checks;
    }

    @Transactional
    public HealthCheckSpec enableChecks(String appName, boolean enabled) {
        App app = apps.get(appName);
        app.checks = app.checksOrDefault().withDisabled(!enabled);
        return app.checks;
    }

    @Transactional
    public DeployPolicy policy(String appName) {
        return apps.get(appName).deployPolicy();
    }

    @Transactional
    public DeployPolicy setPolicy(String appName, List<String> assignments) {
        if (assignments.isEmpty()) {
            throw new InvalidInputException("no setting given. Use drain-timeout=30s stop-grace=10s watch=60s"
                    + " auto-rollback=true");
        }
        App app = apps.get(appName);
        for (Map.Entry<String, String> setting : Assignments.parse(assignments, "drain-timeout=30s").entrySet()) {
            String key = setting.getKey();
            String value = setting.getValue();
            switch (key) {
                case "drain-timeout" -> app.drainTimeoutMillis = bounded(key, value, MAX_DRAIN);
                case "stop-grace" -> app.stopGraceMillis = bounded(key, value, MAX_GRACE);
                case "watch" -> app.watchWindowMillis = bounded(key, value, MAX_WATCH);
                case "auto-rollback" -> app.autoRollback = bool(key, value);
                default -> throw new InvalidInputException("unknown setting '" + key
                        + "'. Rollouts take drain-timeout, stop-grace, watch and auto-rollback");
            }
        }
        return app.deployPolicy();
    }

    private static long bounded(String field, String value, Duration max) {
        Duration duration = Durations.parse(field, value);
        if (duration.compareTo(max) > 0) {
            throw new InvalidInputException(field + ": at most " + Durations.format(max) + ", was " + value);
        }
        return duration.toMillis();
    }

    /** on/off, true/false or yes/no, as settings take them. */
    static boolean bool(String field, String value) {
        return switch (value) {
            case "true", "on", "yes" -> true;
            case "false", "off", "no" -> false;
            default -> throw new InvalidInputException(field + ": '" + value + "' must be true or false");
        };
    }
}
