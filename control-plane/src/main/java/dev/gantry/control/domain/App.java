package dev.gantry.control.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/** A named application: its repository, builds, config and releases hang off it. */
@Entity
@Table(name = "app")
public class App extends IdentifiedEntity {

    @Column(nullable = false, unique = true, length = 30)
    public String name;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static Optional<App> findByName(String name) {
        return find("name", name).firstResultOptional();
    }

    public static App create(String name, String createdBy) {
        App app = new App();
        app.name = name;
        app.createdBy = createdBy;
        app.createdAt = Instant.now();
        app.persist();
        return app;
    }
}
