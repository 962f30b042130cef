package dev.gantry.control.audit;

import dev.gantry.control.domain.IdentifiedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** One change someone made: who, through which door (ssh, cli, rest, git), from where, what, and how it ended. */
@Entity
@Immutable
@Table(name = "audit_event")
public class AuditEvent extends IdentifiedEntity {

    @Column(nullable = false)
    public Instant at;

    @Column(nullable = false)
    public String actor;

    @Column(nullable = false)
    public String channel;

    @Column(nullable = false)
    public String address;

    @Column(nullable = false)
    public String action;

    public String app;

    @Column(nullable = false)
    public String result;
}
