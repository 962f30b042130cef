package dev.gantry.control.command;

import dev.gantry.control.GantryConfig;
import dev.gantry.control.apps.AppService;
import dev.gantry.control.apps.AppSharing;
import dev.gantry.control.domain.App;
import dev.gantry.control.domain.Release;
import dev.gantry.control.formation.InstanceReport;
import dev.gantry.control.releases.ReleaseHistory;
import dev.gantry.control.releases.ReleaseView;
import dev.gantry.control.routing.AppRoutes;
import jakarta.inject.Singleton;
import java.io.PrintStream;
import java.util.List;

@Singleton
public class AppsInfoCommand extends NamedCommand implements ReadOnlyCommand {

    private final AppService apps;
    private final ReleaseHistory releases;
    private final InstanceReport report;
    private final AppRoutes routes;
    private final GantryConfig config;
    private final AppSharing sharing;

    AppsInfoCommand(AppService apps, ReleaseHistory releases, InstanceReport report, AppRoutes routes,
            GantryConfig config, AppSharing sharing) {
        super("apps:info", "APP",
                "show an app's URL, git remote, current release and instances");
        this.apps = apps;
        this.releases = releases;
        this.report = report;
        this.routes = routes;
        this.config = config;
        this.sharing = sharing;
    }

    @Override
    public void run(CommandContext context) {
        String name = context.arg(0, "the app name");
        context.expectAtMost(1);
        App app = apps.get(name);
        PrintStream out = context.out();
        out.println("=== " + app.name);
        out.printf("URL:         %s%n", routes.url(app.name));
        out.printf("Git remote:  ssh://gantry@%s:%d/%s%n", config.publicHost(), config.ssh().port(), app.name);
        out.printf("Created:     %s by %s%n", Formats.time(app.createdAt), app.createdBy);
        out.printf("Owner:       %s%n", app.owner.name);
        List<String> sharedWith = sharing.sharedWith(name);
        out.printf("Shared with: %s%n", sharedWith.isEmpty() ? "nobody" : String.join(", ", sharedWith));
        out.printf("Release:     %s%n", releases.of(name).stream()
                .filter(r -> r.status() == ReleaseView.Status.CURRENT)
                .findFirst().map(r -> r.label() + " (" + r.summary() + ")").orElse("none yet: push to deploy"));
        List<InstanceReport.Row> instances = report.rows(app.name);
        out.println("Instances:   " + (instances.isEmpty() ? "none" : ""));
        for (InstanceReport.Row instance : instances) {
            out.printf("  %-10s %-5s %-10s %-21s %s%n", instance.slot(), instance.release(), instance.state(),
                    instance.address(), instance.container());
        }
    }
}
