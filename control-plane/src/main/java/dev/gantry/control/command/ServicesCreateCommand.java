package dev.gantry.control.command;

import dev.gantry.control.services.BackingServices;
import jakarta.inject.Singleton;

@Singleton
public class ServicesCreateCommand extends ServiceCommand {

    private final BackingServices services;

    ServicesCreateCommand(BackingServices services) {
        super("services:create", "TYPE NAME [--version V]",
                "create a backing service: postgres (PostgreSQL 15) or redis (Redis 7), with generated credentials", 1);
        this.services = services;
    }

    @Override
    public void run(CommandContext context) {
        String type = context.arg(0, "the type (postgres or redis)");
        String name = context.arg(1, "the service name");
        context.expectAtMost(2, "--version");
        var spec = services.create(type, name, context.option("--version"), context.user(),
                line -> context.out().println(line));
        context.out().println("=====> Created " + spec + ". Link it to an app: services:link " + name + " APP");
    }
}
