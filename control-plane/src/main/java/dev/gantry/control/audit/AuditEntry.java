package dev.gantry.control.audit;

import java.time.Instant;

/** One event of the audit log as every door shows it: who, through which door, from where, what, how it ended. */
public record AuditEntry(Instant at, String actor, String channel, String address, String app, String action,
        String result) {

    static AuditEntry of(AuditEvent event) {
        return new AuditEntry(event.at, event.actor, event.channel, event.address, event.app, event.action,
                event.result);
    }
}
