package dev.gantry.control.deploy;

import dev.gantry.control.NotFoundException;
import dev.gantry.control.domain.App;
import dev.gantry.control.domain.Build;
import dev.gantry.control.domain.Config;
import dev.gantry.control.domain.Deployment;
import dev.gantry.control.domain.Release;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;

/**
 * Writes the ledger: builds, releases and deployments. Each method is one short transaction, so
 * no transaction is ever held open while the engine builds or starts containers.
 */
@ApplicationScoped
public class ReleaseLedger {

    @Transactional
    public long startBuild(String appName, String commit, String kind, String user) {
        Build build = new Build();
        build.app = App.findByName(appName).orElseThrow(() -> new NotFoundException("app '" + appName + "' is gone"));
        build.commitSha = commit;
        build.kind = kind;
        build.status = Build.Status.BUILDING;
        build.createdBy = user;
        build.startedAt = Instant.now();
        build.persist();
        return build.id;
    }

    @Transactional
    public void buildSucceeded(long buildId, String imageId, String imageTag, String log) {
        Build build = Build.findById(buildId);
        build.status = Build.Status.SUCCEEDED;
        build.imageId = imageId;
        build.imageTag = imageTag;
        build.log = log;
        build.finishedAt = Instant.now();
    }

    @Transactional
    public void buildFailed(long buildId, String reason, String log) {
        Build build = Build.findById(buildId);
        build.status = Build.Status.FAILED;
        build.failure = reason;
        build.log = log;
        build.finishedAt = Instant.now();
    }

    /** Appends release vN+1 from a build and the app's latest config; returns its id. */
    @Transactional
    public long appendRelease(long buildId, String summary, String user) {
        Build build = Build.findById(buildId);
        return Release.append(build.app, build, Config.latestOf(build.app), summary, user).id;
    }

    /** Opens a deployment of a release and returns what the rollout needs to know. */
    @Transactional
    public RolloutTarget startDeployment(long releaseId) {
        Release release = Release.findById(releaseId);
        Deployment deployment = new Deployment();
        deployment.app = release.app;
        deployment.release = release;
        deployment.state = Deployment.State.STARTING;
        deployment.startedAt = Instant.now();
        deployment.persist();
        return RolloutTarget.of(release, deployment.id);
    }

    @Transactional
    public void deploymentSwitching(long deploymentId) {
        Deployment.<Deployment>findById(deploymentId).state = Deployment.State.SWITCHING;
    }

    @Transactional
    public void deploymentSucceeded(long deploymentId) {
        finish(deploymentId, Deployment.State.SUCCEEDED, null);
    }

    @Transactional
    public void deploymentFailed(long deploymentId, String reason) {
        finish(deploymentId, Deployment.State.FAILED, reason);
    }

    /** What the app should be serving now, if any release of it ever rolled out. */
    @Transactional
    public Optional<RolloutTarget> currentTarget(String appName) {
        return App.findByName(appName)
                .flatMap(Release::current)
                .map(release -> RolloutTarget.of(release, Deployment.latestOf(release).map(d -> d.id).orElse(0L)));
    }

    private static void finish(long deploymentId, Deployment.State state, String reason) {
        Deployment deployment = Deployment.findById(deploymentId);
        deployment.state = state;
        deployment.failure = reason;
        deployment.finishedAt = Instant.now();
    }
}
