package dev.gantry.control.command;

import dev.gantry.control.routing.DomainService;
import jakarta.inject.Singleton;

@Singleton
public class DomainsRemoveCommand extends NamedCommand {

    private final DomainService domains;

    DomainsRemoveCommand(DomainService domains) {
        super("domains:remove", "APP HOSTNAME", "stop serving the app at one of its own hostnames");
        this.domains = domains;
    }

    @Override
    public void run(CommandContext context) {
        String app = context.arg(0, "the app name");
        String hostname = context.arg(1, "the hostname");
        context.expectAtMost(2);
        domains.remove(app, hostname, context.user());
        context.out().println("=====> " + app + " no longer answers at " + hostname);
    }
}
