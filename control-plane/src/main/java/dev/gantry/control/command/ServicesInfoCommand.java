package dev.gantry.control.command;

import dev.gantry.control.services.ServiceReport;
import jakarta.inject.Singleton;
import java.io.PrintStream;

@Singleton
public class ServicesInfoCommand extends ServiceCommand implements ReadOnlyCommand {

    private final ServiceReport report;

    ServicesInfoCommand(ServiceReport report) {
        super("services:info", "NAME [--reveal]",
                "show a service's version, state, size, links, last backup and URL (the password only with --reveal)", 0);
        this.report = report;
    }

    @Override
    public void run(CommandContext context) {
        String name = context.arg(0, "the service name");
        boolean reveal = context.flag("--reveal");
        context.expectAtMost(reveal ? 2 : 1);
        ServiceReport.ServiceInfo info = report.info(name, context.user(), reveal);
        PrintStream out = context.out();
        out.println("=== " + name);
        out.printf("Type:        %s %s (%s)%n", info.service().kind().word(), info.service().version(),
                info.service().kind().product());
        out.printf("State:       %s%s%n", info.state(), info.since().map(t -> " since " + Formats.time(t)).orElse(""));
        out.printf("Data:        %s%n", info.dataBytes() < 0 ? "unknown" : Formats.size(info.dataBytes()));
        out.printf("Linked apps: %s%n", info.service().links().isEmpty() ? "none"
                : String.join(", ", info.service().links().stream().map(l -> l.app() + " as " + l.alias()).toList()));
        out.printf("Last backup: %s%n", info.lastBackup().map(b -> b.id() + " (" + Formats.size(b.bytes()) + ", "
                + Formats.time(b.at()) + ")").orElse("none"));
        out.printf("URL:         %s%n", info.url());
        out.printf("Created:     %s by %s%n", Formats.time(info.service().createdAt()), info.service().createdBy());
    }
}
