package dev.gantry.control.command;

import dev.gantry.control.services.ServiceLinks;
import jakarta.inject.Singleton;

@Singleton
public class ServicesLinkCommand extends ServiceCommand {

    private final ServiceLinks links;

    ServicesLinkCommand(ServiceLinks links) {
        super("services:link", "NAME APP [--as ALIAS]",
                "give an app the service's URL (DATABASE_URL, REDIS_URL or ALIAS_URL) in a new release", 0);
        this.links = links;
    }

    @Override
    public void run(CommandContext context) {
        String name = context.arg(0, "the service name");
        String app = context.arg(1, "the app name");
        context.expectAtMost(2, "--as");
        var vars = links.link(name, app, context.option("--as"), context.user(), line -> context.out().println(line));
        context.out().println("=====> " + app + " reaches " + name + " through " + String.join(", ", vars.keySet()));
    }
}
