package dev.gantry.control.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A backing service linked to an app under an alias ({@code DATABASE}): the app's config holds the
 * service's URL as {@code ALIAS_URL}, and the service is on the app's network.
 */
@Entity
@Table(name = "service_link")
public class ServiceLink extends IdentifiedEntity {

    @ManyToOne(optional = false)
    public BackingService service;

    @ManyToOne(optional = false)
    public App app;

    @Column(nullable = false, length = 30)
    public String alias;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static List<ServiceLink> of(BackingService service) {
        return list("service = ?1 order by app.name", service);
    }

    public static List<ServiceLink> of(App app) {
        return list("app = ?1 order by alias", app);
    }

    public static Optional<ServiceLink> find(BackingService service, App app) {
        return find("service = ?1 and app = ?2", service, app).firstResultOptional();
    }

    public static Optional<ServiceLink> find(App app, String alias) {
        return find("app = ?1 and alias = ?2", app, alias).firstResultOptional();
    }
}
