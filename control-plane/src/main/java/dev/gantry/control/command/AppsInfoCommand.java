package dev.gantry.control.command;

import dev.gantry.control.GantryConfig;
import dev.gantry.control.apps.AppService;
import dev.gantry.control.deploy.AppRoutes;
import dev.gantry.control.deploy.InstanceLabels;
import dev.gantry.control.domain.App;
import dev.gantry.control.releases.ReleaseHistory;
import dev.gantry.control.releases.ReleaseView;
import dev.gantry.node.ContainerEngine;
import dev.gantry.node.RunningContainer;
import jakarta.inject.Singleton;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

@Singleton
public class AppsInfoCommand extends NamedCommand {

    private final AppService apps;
    private final ReleaseHistory releases;
    private final ContainerEngine engine;
    private final AppRoutes routes;
    private final GantryConfig config;

    AppsInfoCommand(AppService apps, ReleaseHistory releases, ContainerEngine engine, AppRoutes routes,
            GantryConfig config) {
        super("apps:info", "APP",
                "show an app's URL, git remote, current release and instances");
        this.apps = apps;
        this.releases = releases;
        this.engine = engine;
        this.routes = routes;
        this.config = config;
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
        out.printf("Release:     %s%n", releases.of(name).stream()
                .filter(r -> r.status() == ReleaseView.Status.CURRENT)
                .findFirst().map(r -> r.label() + " (" + r.summary() + ")").orElse("none yet: push to deploy"));
        List<RunningContainer> instances = engine.list(Map.of(InstanceLabels.APP, app.name));
        out.println("Instances:   " + (instances.isEmpty() ? "none" : ""));
        for (RunningContainer instance : instances) {
            out.printf("  %-5s v%-4s %-34s %-8s %s:%d%n", instance.labels().get(InstanceLabels.PROCESS),
                    instance.labels().get(InstanceLabels.RELEASE), instance.name(),
                    instance.running() ? "up" : "exited", instance.hostAddress(), instance.hostPort());
        }
    }
}
