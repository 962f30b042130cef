package dev.gantry.control.command;

import dev.gantry.control.audit.AuditEntry;
import dev.gantry.control.audit.AuditJsonLines;
import dev.gantry.control.audit.AuditLog;
import dev.gantry.control.audit.AuditQuery;
import dev.gantry.control.users.Authorization;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

@Singleton
public class AuditCommand extends NamedCommand implements ReadOnlyCommand {

    private static final int PAGE = 100;
    private static final String[] OPTIONS = {"--user", "--action", "--since", "--until", "--page"};

    private final AuditLog audit;
    private final AuditJsonLines jsonLines;
    private final Authorization authorization;

    AuditCommand(AuditLog audit, AuditJsonLines jsonLines, Authorization authorization) {
        super("audit", "[APP] [--user USER] [--action ACTION] [--since 1d] [--until 2026-12-01] [--page N] [--json]",
                "who changed what, when, from where and through which door (newest first; --json exports all)");
        this.audit = audit;
        this.jsonLines = jsonLines;
        this.authorization = authorization;
    }

    @Override
    public void run(CommandContext context) {
        boolean json = context.flag("--json");
        List<String> positional = new ArrayList<>(context.positional(OPTIONS));
        positional.remove("--json");
        if (positional.size() > 1) {
            throw context.usageError("unexpected argument '" + positional.get(1) + "'");
        }
        AuditQuery query = AuditQuery.parse(positional.isEmpty() ? null : positional.get(0),
                context.option("--user").orElse(null), context.option("--action").orElse(null),
                context.option("--since").orElse(null), context.option("--until").orElse(null), Instant.now());
        authorization.checkAuditReader(context.user(), query.app());
        if (json) {
            if (context.option("--page").isPresent()) {
                throw context.usageError("--json exports every matching event; leave out --page");
            }
            export(query, context.out());
            return;
        }
        int page = page(context);
        long total = audit.count(query);
        List<AuditEntry> events = audit.list(query, (page - 1) * PAGE, PAGE);
        PrintStream out = context.out();
        if (total == 0) {
            out.println("Nothing recorded" + (query.equals(AuditQuery.ALL) ? " yet." : " that matches."));
        }
        for (AuditEntry event : events) {
            out.printf("%s  %-10s %-7s %-15s %-16s %-24s %s%n", Formats.time(event.at()), event.actor(),
                    event.channel(), event.address(), event.app() == null ? "-" : event.app(), event.action(),
                    event.result());
        }
        if (total > (long) page * PAGE) {
            out.printf("Events %d-%d of %d, newest first. The next ones: the same command with --page %d%n",
                    (page - 1) * PAGE + 1, (page - 1) * PAGE + events.size(), total, page + 1);
        }
    }

    private static int page(CommandContext context) {
        Optional<String> page = context.option("--page");
        if (page.isEmpty()) {
            return 1;
        }
        if (!page.get().matches("[1-9][0-9]{0,6}")) {
            throw context.usageError("--page: '" + page.get() + "' is not a page number (1, 2, ...)");
        }
        return Integer.parseInt(page.get());
    }

    private void export(AuditQuery query, PrintStream out) {
        try {
            jsonLines.write(query, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
