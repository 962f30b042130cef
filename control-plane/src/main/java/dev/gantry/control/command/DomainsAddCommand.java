package dev.gantry.control.command;

import dev.gantry.control.routing.DomainService;
import jakarta.inject.Singleton;

@Singleton
public class DomainsAddCommand extends NamedCommand {

    private final DomainService domains;

    DomainsAddCommand(DomainService domains) {
        super("domains:add", "APP HOSTNAME", "serve the app at a hostname of your own too (point its DNS here)");
        this.domains = domains;
    }

    @Override
    public void run(CommandContext context) {
        String app = context.arg(0, "the app name");
        String hostname = context.arg(1, "the hostname");
        context.expectAtMost(2);
        String added = domains.add(app, hostname, context.user());
        context.out().println("=====> " + app + " answers at " + added + " too");
    }
}
