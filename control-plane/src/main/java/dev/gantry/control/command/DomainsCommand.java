package dev.gantry.control.command;

import dev.gantry.control.apps.AppService;
import dev.gantry.control.routing.AppRoutes;
import dev.gantry.control.routing.DomainService;
import jakarta.inject.Singleton;

@Singleton
public class DomainsCommand extends NamedCommand implements ReadOnlyCommand {

    private final AppService apps;
    private final AppRoutes routes;
    private final DomainService domains;

    DomainsCommand(AppService apps, AppRoutes routes, DomainService domains) {
        super("domains", "APP", "list the hostnames an app answers to");
        this.apps = apps;
        this.routes = routes;
        this.domains = domains;
    }

    @Override
    public void run(CommandContext context) {
        String app = context.arg(0, "the app name");
        context.expectAtMost(1);
        context.out().println("=== " + app + " answers to");
        apps.get(app);
        // All of them, the app's own names under the base domain first.
        routes.hostnames(app).forEach(context.out()::println);
        context.out().println("HTTP to HTTPS redirect: " + (domains.redirectsHttps(app) ? "on" : "off"));
    }
}
