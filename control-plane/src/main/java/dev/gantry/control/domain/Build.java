package dev.gantry.control.domain;

import dev.gantry.build.BuildPlanner;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** An image made from one commit, with the output of its build. */
@Entity
@Table(name = "build")
public class Build extends IdentifiedEntity {

    public enum Status { BUILDING, SUCCEEDED, FAILED }

    @ManyToOne(optional = false)
    public App app;

    @Column(name = "commit_sha", nullable = false)
    public String commitSha;

    /** How it was built: "dockerfile" or a buildpack's name. */
    @Column(nullable = false)
    public String kind;

    /** Why it was built that way: the file found, or the kind set with buildpacks:set (null before V9). */
    public String reason;

    /** The text of the Dockerfile the engine built: the repository's, or the one Gantry generated. */
    public String dockerfile;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "image_id")
    public String imageId;

    @Column(name = "image_tag")
    public String imageTag;

    @Column(nullable = false)
    public String log = "";

    public String failure;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    /** Whether Gantry wrote the Dockerfile (a buildpack) rather than the app's repository. */
    public boolean generatedDockerfile() {
        return !kind.equals(BuildPlanner.DOCKERFILE_KIND);
    }

    public String shortCommit() {
        return commitSha.substring(0, Math.min(7, commitSha.length()));
    }
}
