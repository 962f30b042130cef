package dev.gantry.control.apps;

import dev.gantry.control.Assignments;
import dev.gantry.control.InvalidInputException;
import dev.gantry.control.domain.App;
import dev.gantry.node.Isolation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;

/**
 * {@code isolation:set APP read-only=on}: the one isolation setting an app may change, since it
 * only takes rights away. The rest (capabilities, no-new-privileges, limits, the app's own network)
 * holds for every app. Applies to containers started afterwards (the next deploy, or ps:restart).
 */
@ApplicationScoped
public class IsolationSetting {

    private final AppService apps;

    IsolationSetting(AppService apps) {
        this.apps = apps;
    }

    /** What {@code isolation:report} shows. */
    public record View(boolean readOnlyRoot, String network, List<String> capabilities, String tmpSize) {
    }

    @Transactional
    public View of(String appName) {
        App app = apps.get(appName);
        return new View(app.readOnlyRoot, AppNetwork.of(app.name), Isolation.CAPABILITIES, Isolation.TMP_SIZE);
    }

    @Transactional
    public void set(String appName, List<String> assignments) {
        if (assignments.isEmpty()) {
            throw new InvalidInputException("no setting given. Use read-only=on or read-only=off");
        }
        App app = apps.get(appName);
        for (Map.Entry<String, String> setting : Assignments.parse(assignments, "read-only=on").entrySet()) {
            if (!setting.getKey().equals("read-only")) {
                throw new InvalidInputException("unknown setting '" + setting.getKey()
                        + "'. An app's isolation takes read-only=on|off; the rest is the same for every app");
            }
            app.readOnlyRoot = AppSettingsService.bool("read-only", setting.getValue());
        }
    }
}
