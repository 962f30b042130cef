package dev.gantry.control.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/** The rollout that moves an app to a release; its state is recorded, never inferred. */
@Entity
@Table(name = "deployment")
public class Deployment extends IdentifiedEntity {

    public enum State { STARTING, SWITCHING, SUCCEEDED, FAILED, ROLLED_BACK }

    @ManyToOne(optional = false)
    public App app;

    @ManyToOne(optional = false)
    public Release release;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public State state;

    public String failure;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    /** When every new instance had passed its health check. */
    @Column(name = "healthy_at")
    public Instant healthyAt;

    /** When the router's backends were swapped to this release. */
    @Column(name = "switched_at")
    public Instant switchedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    /** The last lines of the instance that failed to start, when that is why the rollout failed. */
    @Column(name = "last_output")
    public String lastOutput;

    /** The release command this rollout ran successfully before the switch, if any. */
    @Column(name = "release_command")
    public String releaseCommand;

    public static Optional<Deployment> latestOf(Release release) {
        return find("release = ?1 order by id desc", release).firstResultOptional();
    }
}
