package dev.gantry.control.command;

import dev.gantry.control.audit.AuditEvent;
import dev.gantry.control.audit.AuditLog;
import dev.gantry.control.users.Authorization;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;

@Singleton
public class AuditCommand extends NamedCommand implements ReadOnlyCommand {

    private static final int SHOWN = 100;

    private final AuditLog audit;
    private final Authorization authorization;

    AuditCommand(AuditLog audit, Authorization authorization) {
        super("audit", "[APP]", "who changed what, when, from where and through which door (newest first)");
        this.audit = audit;
        this.authorization = authorization;
    }

    @Override
    public void run(CommandContext context) {
        context.expectAtMost(1);
        Optional<String> app = context.args().isEmpty() ? Optional.empty() : Optional.of(context.arg(0, "the app"));
        authorization.checkAuditReader(context.user(), app);
        List<AuditEvent> events = audit.list(app, 0, SHOWN);
        if (events.isEmpty()) {
            context.out().println("Nothing recorded yet.");
        }
        for (AuditEvent event : events) {
            context.out().printf("%s  %-10s %-4s %-15s %-16s %-24s %s%n", Formats.time(event.at), event.actor,
                    event.channel, event.address, event.app == null ? "-" : event.app, event.action, event.result);
        }
    }
}
