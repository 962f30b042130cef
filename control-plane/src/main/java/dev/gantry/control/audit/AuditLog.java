package dev.gantry.control.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
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

    /** Newest first, the events {@code query} takes, {@code limit} (at most {@link #MAX_LISTED}) from {@code offset}. */
    @Transactional
    public List<AuditEntry> list(AuditQuery query, int offset, int limit) {
        int size = Math.max(1, Math.min(limit, MAX_LISTED));
        return AuditEvents.matching(query, Optional.empty()).range(offset, offset + size - 1).list().stream()
                .map(AuditEntry::of).toList();
    }

    @Transactional
    public long count(AuditQuery query) {
        return AuditEvents.matching(query, Optional.empty()).count();
    }

    /**
     * Every event {@code query} takes, newest first, handed to {@code sink} one at a time: read in
     * batches below the last id seen, so events recorded meanwhile neither repeat nor shift a page.
     */
    @Transactional
    public void export(AuditQuery query, Consumer<AuditEntry> sink) {
        Optional<Long> below = Optional.empty();
        while (true) {
            List<AuditEvent> batch = batch(query, below);
            batch.stream().map(AuditEntry::of).forEach(sink);
            // One transaction for the whole export: the session lets go of each batch once it is written.
            AuditEvent.getEntityManager().clear();
            if (batch.size() < MAX_LISTED) {
                return;
            }
            below = Optional.of(batch.get(batch.size() - 1).id);
        }
    }

    private static List<AuditEvent> batch(AuditQuery query, Optional<Long> below) {
        return AuditEvents.matching(query, below).range(0, MAX_LISTED - 1).list();
    }
}
