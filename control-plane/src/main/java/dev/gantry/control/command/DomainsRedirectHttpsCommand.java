package dev.gantry.control.command;

import dev.gantry.control.routing.DomainService;
import jakarta.inject.Singleton;

@Singleton
public class DomainsRedirectHttpsCommand extends NamedCommand {

    private final DomainService domains;

    DomainsRedirectHttpsCommand(DomainService domains) {
        super("domains:redirect-https", "APP on|off", "answer the app's plain HTTP requests with a redirect to HTTPS");
        this.domains = domains;
    }

    @Override
    public void run(CommandContext context) {
        String app = context.arg(0, "the app name");
        String setting = context.arg(1, "on or off");
        context.expectAtMost(2);
        boolean on = switch (setting) {
            case "on" -> true;
            case "off" -> false;
            default -> throw context.usageError("'" + setting + "' is neither on nor off");
        };
        domains.redirectHttps(app, on, context.user());
        context.out().println("=====> " + app + (on ? " redirects plain HTTP to HTTPS (308)" : " answers plain HTTP too"));
    }
}
