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
import java.util.List;
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

    /**
     * Builds and deployments still under way when Gantry starts were cut off by a stop or crash;
     * they are recorded as failed so history never shows work that will not finish.
     */
    @Transactional
    public int failInterruptedWork() {
        String reason = "interrupted: Gantry stopped while this ran. Push again to retry";
        return Build.update("status = ?1, failure = ?2, finishedAt = ?3 where status = ?4",
                Build.Status.FAILED, reason, Instant.now(), Build.Status.BUILDING)
                + Deployment.update("state = ?1, failure = ?2, finishedAt = ?3 where state in ?4",
                        Deployment.State.FAILED, reason, Instant.now(),
                        List.of(Deployment.State.STARTING, Deployment.State.SWITCHING));
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
