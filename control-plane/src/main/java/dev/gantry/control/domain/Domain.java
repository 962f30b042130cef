package dev.gantry.control.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A custom hostname an app answers to through the router; it belongs to one app only. */
@Entity
@Table(name = "domain")
public class Domain extends IdentifiedEntity {

    @ManyToOne(optional = false)
    public App app;

    @Column(nullable = false, unique = true, length = 253)
    public String hostname;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static List<Domain> of(App app) {
        return list("app = ?1 order by hostname", app);
    }

    public static Optional<Domain> findByHostname(String hostname) {
        return find("hostname", hostname).firstResultOptional();
    }

    public static Domain add(App app, String hostname, String user) {
        Domain domain = new Domain();
        domain.app = app;
        domain.hostname = hostname;
        domain.createdBy = user;
        domain.createdAt = Instant.now();
        domain.persist();
        return domain;
    }
}
