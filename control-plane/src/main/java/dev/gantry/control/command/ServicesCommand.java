package dev.gantry.control.command;

import dev.gantry.control.services.ServiceCatalog;
import dev.gantry.control.services.ServiceReport;
import jakarta.inject.Singleton;

@Singleton
public class ServicesCommand extends NamedCommand implements ReadOnlyCommand {

    private final ServiceReport report;

    ServicesCommand(ServiceReport report) {
        super("services", "", "list the backing services you may use (an admin: all), with their state and links");
        this.report = report;
    }

    @Override
    public void run(CommandContext context) {
        context.expectAtMost(0);
        context.out().println("=== services");
        for (ServiceCatalog.ServiceView service : report.list(context.user())) {
            context.out().printf("%-20s %-9s %-4s %-16s %s%n", service.name(), service.kind().word(), service.version(),
                    report.state(service.name()), service.linksInWords());
        }
    }
}
