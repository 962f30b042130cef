package dev.gantry.control.apps;

import dev.gantry.build.BuildPlanner;
import dev.gantry.control.InvalidInputException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;

/**
 * {@code buildpacks:set APP KIND}: pins how an app is built when detection would choose another
 * kind (a Node app that also holds an index.html, say); {@code auto} goes back to detection.
 * Applies from the next push.
 */
@ApplicationScoped
public class BuildpackSetting {

    static final String AUTO = "auto";

    private final AppService apps;
    private final BuildPlanner planner;

    BuildpackSetting(AppService apps, BuildPlanner planner) {
        this.apps = apps;
        this.planner = planner;
    }

    @Transactional
    public Optional<String> of(String appName) {
        return Optional.ofNullable(apps.get(appName).buildpack);
    }

    @Transactional
    public void set(String appName, String kind) {
        if (!AUTO.equals(kind) && !planner.kinds().contains(kind)) {
            throw new InvalidInputException("'" + kind + "' is not a build kind. Use one of " + String.join(", ",
                    planner.kinds()) + ", or " + AUTO + " to detect it on every push");
        }
        apps.get(appName).buildpack = AUTO.equals(kind) ? null : kind;
    }
}
