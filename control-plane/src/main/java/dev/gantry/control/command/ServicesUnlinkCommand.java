package dev.gantry.control.command;

import dev.gantry.control.services.ServiceLinks;
import jakarta.inject.Singleton;

@Singleton
public class ServicesUnlinkCommand extends ServiceCommand {

    private final ServiceLinks links;

    ServicesUnlinkCommand(ServiceLinks links) {
        super("services:unlink", "NAME APP",
                "take the service's URL from an app's config (a new release) and the app's access to it", 0);
        this.links = links;
    }

    @Override
    public void run(CommandContext context) {
        String name = context.arg(0, "the service name");
        String app = context.arg(1, "the app name");
        context.expectAtMost(2);
        links.unlink(name, app, context.user(), line -> context.out().println(line));
        context.out().println("=====> " + app + " no longer reaches " + name);
    }
}
