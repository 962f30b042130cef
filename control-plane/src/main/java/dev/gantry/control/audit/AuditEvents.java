package dev.gantry.control.audit;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The one query behind listing, counting and exporting the audit log: an {@link AuditQuery} as HQL. */
final class AuditEvents {

    private AuditEvents() {
    }

    /** Newest first; {@code below}, when given, takes only events older than that id. */
    static PanacheQuery<AuditEvent> matching(AuditQuery query, Optional<Long> below) {
        List<String> where = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        query.app().ifPresent(app -> condition(where, parameters, "app = :app", "app", app));
        query.user().ifPresent(user -> condition(where, parameters, "actor = :user", "user", user));
        query.actionPrefix().ifPresent(action -> {
            if (query.actionIsPrefix()) {
                condition(where, parameters, "action like :action escape '\\'", "action", likePrefix(action));
            } else {
                condition(where, parameters, "action = :action", "action", action);
            }
        });
        query.since().ifPresent(since -> condition(where, parameters, "at >= :since", "since", since));
        query.until().ifPresent(until -> condition(where, parameters, "at < :until", "until", until));
        below.ifPresent(id -> condition(where, parameters, "id < :below", "below", id));
        return AuditEvent.find((where.isEmpty() ? "" : String.join(" and ", where) + " ") + "order by id desc",
                parameters);
    }

    private static void condition(List<String> where, Map<String, Object> parameters, String clause, String name,
            Object value) {
        where.add(clause);
        parameters.put(name, value);
    }

    /** A LIKE pattern matching what starts with {@code prefix}, taken literally (its own % and _ too). */
    static String likePrefix(String prefix) {
        return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
