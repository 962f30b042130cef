package dev.gantry.control.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import dev.gantry.control.checks.HealthCheckSpec;
import java.time.Duration;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import java.util.Optional;

/** A named application: its repository, builds, config and releases hang off it. */
@Entity
@Table(name = "app")
public class App extends IdentifiedEntity {

    @Column(nullable = false, unique = true, length = 30)
    public String name;

    /** Who may share and destroy it, besides admins. */
    @ManyToOne(optional = false)
    @JoinColumn(name = "owner_id")
    public User owner;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** The health check the next release will run with; null means the defaults. */
    @JdbcTypeCode(SqlTypes.JSON)
    public HealthCheckSpec checks;

    @Column(name = "drain_timeout_ms", nullable = false)
    public long drainTimeoutMillis = 30_000;

    @Column(name = "stop_grace_ms", nullable = false)
    public long stopGraceMillis = 10_000;

    @Column(name = "watch_window_ms", nullable = false)
    public long watchWindowMillis = 60_000;

    @Column(name = "auto_rollback", nullable = false)
    public boolean autoRollback = true;

    /** The build kind set by buildpacks:set (e.g. "node"); null detects it on every push. */
    public String buildpack;

    /** Set by isolation:set: the app's containers start with a read-only root filesystem and a tmpfs /tmp. */
    @Column(name = "read_only_root", nullable = false)
    public boolean readOnlyRoot;

    /** Set by domains:redirect-https: the router answers plain HTTP requests with 308 to HTTPS. */
    @Column(name = "redirect_https", nullable = false)
    public boolean redirectHttps;

    /** Set by ps:stop: nothing of the app runs, and nothing restarts it, until ps:start. */
    @Column(nullable = false)
    public boolean stopped;

    public HealthCheckSpec checksOrDefault() {
        return checks == null ? HealthCheckSpec.DEFAULT : checks;
    }

    public DeployPolicy deployPolicy() {
        return new DeployPolicy(Duration.ofMillis(drainTimeoutMillis), Duration.ofMillis(stopGraceMillis),
                Duration.ofMillis(watchWindowMillis), autoRollback);
    }

    public static Optional<App> findByName(String name) {
        return find("name", name).firstResultOptional();
    }

    public static App create(String name, User owner) {
        App app = new App();
        app.name = name;
        app.owner = owner;
        app.createdBy = owner.name;
        app.createdAt = Instant.now();
        app.persist();
        return app;
    }
}
