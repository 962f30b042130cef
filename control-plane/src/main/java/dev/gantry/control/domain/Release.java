package dev.gantry.control.domain;

import dev.gantry.build.ProcessTypes;
import dev.gantry.control.checks.HealthCheckSpec;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * Release {@code vN}: one Build plus one Config snapshot, with the process types and health check it
 * runs with. An entry in a write-only ledger: it is never changed, and rolling back appends a copy
 * of an older release.
 */
@Entity
@Immutable
@Table(name = "release")
public class Release extends IdentifiedEntity {

    @ManyToOne(optional = false)
    public App app;

    @Column(nullable = false)
    public int version;

    @ManyToOne(optional = false)
    public Build build;

    @ManyToOne(optional = false)
    public Config config;

    /** The health check this release runs with, fixed when it was made. */
    @JdbcTypeCode(SqlTypes.JSON)
    public HealthCheckSpec checks;

    /** Process type to command (the Procfile's, or web as the image's CMD), fixed when it was made. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "process_types")
    public Map<String, String> processTypes;

    @Column(nullable = false)
    public String summary;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public String label() {
        return "v" + version;
    }

    public HealthCheckSpec checksOrDefault() {
        return checks == null ? HealthCheckSpec.DEFAULT : checks;
    }

    public ProcessTypes processTypesOrDefault() {
        return ProcessTypes.of(processTypes);
    }

    public static Optional<Release> findByVersion(App app, int version) {
        return find("app = ?1 and version = ?2", app, version).firstResultOptional();
    }

    public static Release append(App app, Build build, Config config, HealthCheckSpec checks,
            ProcessTypes processTypes, String summary, String createdBy) {
        Release release = new Release();
        release.app = app;
        release.version = nextVersion(app);
        release.build = build;
        release.config = config;
        release.checks = checks;
        release.processTypes = processTypes == null ? null : new LinkedHashMap<>(processTypes.commands());
        release.summary = summary;
        release.createdBy = createdBy;
        release.createdAt = Instant.now();
        release.persist();
        return release;
    }

    private static int nextVersion(App app) {
        Integer last = getEntityManager()
                .createQuery("select max(r.version) from Release r where r.app = :app", Integer.class)
                .setParameter("app", app)
                .getSingleResult();
        return last == null ? 1 : last + 1;
    }

    public static List<Release> history(App app) {
        return list("app = ?1 order by version desc", app);
    }

    /** The app's releases made at {@code since} or later, oldest first. */
    public static List<Release> madeSince(App app, Instant since) {
        return list("app = ?1 and createdAt >= ?2 order by version", app, since);
    }

    /** The newest release whose rollout succeeded: what the app serves. */
    public static Optional<Release> current(App app) {
        return getEntityManager()
                .createQuery("select d.release from Deployment d where d.app = :app and d.state = :state"
                        + " order by d.release.version desc", Release.class)
                .setParameter("app", app)
                .setParameter("state", Deployment.State.SUCCEEDED)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }
}
