package dev.gantry.control.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Records every change made through SSH, the host's CLI, REST or a git push, and lists them. The
 * caller passes only names (command, app) and outcomes, never arguments, so no secret lands here.
 * A failure to record is logged and never fails the change itself.
 */
@ApplicationScoped
public class AuditLog {

    private static final Logger LOG = Logger.getLogger(AuditLog.class);
    public static final int MAX_LISTED = 1000;
    private static final int MAX_RESULT = 500;

    /** Who made a change and through which door. */
    public record Actor(String user, String channel, String address) {
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(Actor actor, String action, String app, String result) {
        try {
            AuditEvent event = new AuditEvent();
            event.at = Instant.now();
            event.actor = actor.user();
            event.channel = actor.channel();
            event.address = actor.address() == null ? "-" : actor.address();
            event.action = action;
            event.app = app;
            event.result = result.length() > MAX_RESULT ? result.substring(0, MAX_RESULT) : result;
            event.persist();
        } catch (RuntimeException e) {
            LOG.errorf("could not record '%s' by %s in the audit log: %s", action, actor.user(), e.getMessage());
        }
    }

    /** Newest first, of one app or of all, {@code limit} (at most {@link #MAX_LISTED}) from {@code offset}. */
    @Transactional
    public List<AuditEvent> list(Optional<String> app, int offset, int limit) {
        int size = Math.max(1, Math.min(limit, MAX_LISTED));
        return app.map(name -> AuditEvent.<AuditEvent>find("app = ?1 order by id desc", name))
                .orElseGet(() -> AuditEvent.find("order by id desc"))
                .range(offset, offset + size - 1).list();
    }

    @Transactional
    public long count(Optional<String> app) {
        return app.map(name -> AuditEvent.count("app", name)).orElseGet(AuditEvent::count);
    }
}
