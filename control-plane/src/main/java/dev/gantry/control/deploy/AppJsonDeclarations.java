package dev.gantry.control.deploy;

import dev.gantry.build.AppJson;
import dev.gantry.build.ProcessTypes;
import dev.gantry.control.checks.AppJsonChecks;
import dev.gantry.control.checks.HealthCheckSpec;
import dev.gantry.control.cron.AppJsonCron;
import dev.gantry.control.cron.CronJob;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a push's app.json asks of its deploy, read and checked before anything is built: the
 * health check, the deploy scripts, the first deploy's formation and the cron jobs (the build kind
 * the planner reads itself). An app without app.json declares none of them.
 */
record AppJsonDeclarations(Optional<HealthCheckSpec> checks, DeployScripts scripts, Map<String, Integer> formation,
        List<CronJob> cronJobs) {

    /** @param checksBase the app's health check, which app.json's fields change */
    static AppJsonDeclarations of(Optional<AppJson> appJson, ProcessTypes types, HealthCheckSpec checksBase) {
        if (appJson.isEmpty()) {
            return new AppJsonDeclarations(Optional.empty(), DeployScripts.NONE, Map.of(), List.of());
        }
        AppJson declared = appJson.get();
        return new AppJsonDeclarations(AppJsonChecks.read(declared, checksBase), DeployScripts.of(declared),
                AppJsonFormation.read(declared, types), AppJsonCron.read(declared));
    }
}
