package dev.gantry.control.console;

import dev.gantry.control.GantryException;
import dev.gantry.control.InvalidInputException;
import dev.gantry.control.audit.AuditEntry;
import dev.gantry.control.audit.AuditLog;
import dev.gantry.control.audit.AuditQuery;
import dev.gantry.control.command.Formats;
import dev.gantry.control.users.Authorization;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Gathers one page of the audit log for the console, under the same rules as {@code audit} and the
 * REST API: the whole log for admins, one app's for those who may use it. A filter that cannot be
 * read is shown as the page's problem, with the form as it was typed.
 */
@ApplicationScoped
public class AuditPage {

    static final String PATH = "/console/audit";
    static final int PAGE = 50;

    private final AuditLog audit;
    private final Authorization authorization;

    AuditPage(AuditLog audit, Authorization authorization) {
        this.audit = audit;
        this.authorization = authorization;
    }

    /** The query the filters stand for, if the user may read what it takes. */
    AuditQuery query(String user, AuditView.Filters filters) {
        AuditQuery query = AuditQuery.parse(filters.app(), filters.user(), filters.action(), filters.since(),
                filters.until(), Instant.now());
        authorization.checkAuditReader(user, query.app());
        return query;
    }

    AuditView view(String user, AuditView.Filters filters, String page) {
        int number;
        AuditQuery query;
        try {
            number = page(page);
            query = query(user, filters);
        } catch (GantryException e) {
            return new AuditView(filters, e.getMessage(), List.of(), "", null, null, null);
        }
        long total = audit.count(query);
        List<AuditView.Line> lines = audit.list(query, (number - 1) * PAGE, PAGE).stream().map(AuditPage::line).toList();
        String shown = lines.isEmpty() ? "" : "Events " + ((number - 1) * PAGE + 1) + "-" + ((number - 1) * PAGE
                + lines.size()) + " of " + total + ", newest first";
        return new AuditView(filters, null, lines, shown, number > 1 ? link(PATH, filters, number - 1) : null,
                total > (long) number * PAGE ? link(PATH, filters, number + 1) : null,
                link(PATH + "/export", filters, 0));
    }

    private static int page(String page) {
        if (page == null || page.isBlank()) {
            return 1;
        }
        if (!page.matches("[1-9][0-9]{0,6}")) {
            throw new InvalidInputException("page: '" + page + "' is not a page number (1, 2, ...)");
        }
        return Integer.parseInt(page);
    }

    private static AuditView.Line line(AuditEntry event) {
        return new AuditView.Line(Formats.time(event.at()), event.actor(), event.channel(), event.address(),
                event.app() == null ? "-" : event.app(), event.action(), event.result());
    }

    /** {@code path} with the filters given (and {@code page} unless 0) as its query. */
    private static String link(String path, AuditView.Filters filters, int page) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("app", filters.app());
        query.put("user", filters.user());
        query.put("action", filters.action());
        query.put("since", filters.since());
        query.put("until", filters.until());
        query.put("page", page == 0 ? null : Integer.toString(page));
        String encoded = query.entrySet().stream()
                .filter(entry -> entry.getValue() != null && !entry.getValue().isBlank())
                .map(entry -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return encoded.isEmpty() ? path : path + "?" + encoded;
    }
}
