package dev.gantry.control.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A named, persistent volume of an app: the engine's volume {@code gantry-APP-NAME}. */
@Entity
@Table(name = "storage")
public class Storage extends IdentifiedEntity {

    @ManyToOne(optional = false)
    public App app;

    @Column(nullable = false, length = 30)
    public String name;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public String volumeName() {
        return volumeName(app.name, name);
    }

    public static String volumeName(String app, String name) {
        return "gantry-" + app + "-" + name;
    }

    public static List<Storage> of(App app) {
        return list("app = ?1 order by name", app);
    }

    public static Optional<Storage> find(App app, String name) {
        return find("app = ?1 and name = ?2", app, name).firstResultOptional();
    }
}
