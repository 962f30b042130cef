package dev.gantry.control.logs;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Gantry's own events about an app (deploys, rollbacks, scaling, crashes, config changes), told
 * once here so they reach the control plane's log and the app's log stream alike. Never pass a
 * config value: events are read by everyone who may read the app's logs.
 */
@ApplicationScoped
public class AppEvents {

    private static final Logger LOG = Logger.getLogger(AppEvents.class);

    private final AppLogStore logs;

    AppEvents(AppLogStore logs) {
        this.logs = logs;
    }

    public void record(String app, String message) {
        LOG.infof("%s: %s", app, message);
        logs.append(app, new AppLogLine(Instant.now(), AppLogLine.GANTRY, message));
    }
}
