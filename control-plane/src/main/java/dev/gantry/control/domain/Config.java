package dev.gantry.control.domain;

import dev.gantry.control.secrets.EncryptedVarsConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.hibernate.annotations.Immutable;

/** A snapshot of an app's environment variables. A change adds a snapshot; none is edited. */
@Entity
@Immutable
@Table(name = "config")
public class Config extends IdentifiedEntity {

    @ManyToOne(optional = false)
    public App app;

    /** Encrypted in the database; see {@link EncryptedVarsConverter}. */
    @Convert(converter = EncryptedVarsConverter.class)
    @Column(nullable = false)
    public Map<String, String> vars = new TreeMap<>();

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static Config latestOf(App app) {
        return find("app = ?1 order by id desc", app).<Config>firstResultOptional()
                .orElseGet(() -> snapshot(app, Map.of()));
    }

    public static Config snapshot(App app, Map<String, String> vars) {
        Config config = new Config();
        config.app = app;
        config.vars = new TreeMap<>(vars);
        config.createdAt = Instant.now();
        config.persist();
        return config;
    }
}
