package dev.gantry.control.releases;

import dev.gantry.build.BuildPlan;
import dev.gantry.build.ProcessTypes;
import dev.gantry.control.InvalidInputException;
import dev.gantry.control.NotFoundException;
import dev.gantry.control.checks.HealthCheckSpec;
import dev.gantry.control.telemetry.ControlPlaneMetrics;
import dev.gantry.control.domain.App;
import dev.gantry.control.domain.Build;
import dev.gantry.control.domain.Config;
import dev.gantry.control.domain.Deployment;
import dev.gantry.control.domain.Formation;
import dev.gantry.control.domain.Release;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Writes the ledger: builds, releases and deployments. Each method is one short transaction, so
 * no transaction is ever held open while the engine builds or starts containers.
 */
@ApplicationScoped
public class ReleaseLedger {

    private final ControlPlaneMetrics metrics;

    ReleaseLedger(ControlPlaneMetrics metrics) {
        this.metrics = metrics;
    }

    /** Records a build as it starts, with its plan: the kind, why, and the Dockerfile's text. */
    @Transactional
    public long startBuild(String appName, String commit, BuildPlan plan, String dockerfile, String user) {
        Build build = new Build();
        build.app = App.findByName(appName).orElseThrow(() -> new NotFoundException("app '" + appName + "' is gone"));
        build.commitSha = commit;
        build.kind = plan.kind();
        build.reason = plan.reason();
        build.dockerfile = dockerfile;
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
        metrics.built(true, Duration.between(build.startedAt, build.finishedAt));
    }

    @Transactional
    public void buildFailed(long buildId, String reason, String log) {
        Build build = Build.findById(buildId);
        build.status = Build.Status.FAILED;
        build.failure = reason;
        build.log = log;
        build.finishedAt = Instant.now();
        metrics.built(false, Duration.between(build.startedAt, build.finishedAt));
    }

    /**
     * Appends release vN+1 from a build, the process types the pushed commit declares, the app's
     * latest config and its health check (or the one the pushed app.json declares); returns its id.
     */
    @Transactional
    public long appendRelease(long buildId, Optional<HealthCheckSpec> declaredChecks, ProcessTypes processTypes,
            String summary, String user) {
        Build build = Build.findById(buildId);
        HealthCheckSpec checks = declaredChecks.orElse(build.app.checksOrDefault());
        return Release.append(build.app, build, Config.latestOf(build.app), checks, processTypes, summary, user).id;
    }

    /**
     * Appends release vN+1 as a copy of vK: the same build, config, process types and health check.
     * History only grows.
     */
    @Transactional
    public long appendCopyOf(String appName, int version, String summary, String user) {
        App app = App.findByName(appName).orElseThrow(() -> new NotFoundException("app '" + appName + "' is gone"));
        Release source = Release.findByVersion(app, version).orElseThrow(() -> new NotFoundException(
                appName + " has no release v" + version + ". Run 'releases " + appName + "' to list them"));
        return Release.append(app, source.build, source.config, source.checks, source.processTypesOrDefault(),
                summary, user).id;
    }

    /**
     * The newest release that served before the current one: what {@code rollback APP} goes back to.
     */
    @Transactional
    public Optional<Integer> previousServingVersion(String appName) {
        return App.findByName(appName).flatMap(app -> Release.current(app).flatMap(current -> Deployment
                .<Deployment>find("app = ?1 and state in ?2 and release.version < ?3 order by release.version desc",
                        app, List.of(Deployment.State.SUCCEEDED, Deployment.State.ROLLED_BACK), current.version)
                .stream()
                .filter(deployment -> deployment.state == Deployment.State.SUCCEEDED)
                .map(deployment -> deployment.release.version)
                .findFirst()));
    }

    /** The image of release vK, if that release exists. */
    @Transactional
    public Optional<String> imageOf(String appName, int version) {
        return App.findByName(appName).flatMap(app -> Release.findByVersion(app, version)).map(r -> r.build.imageId);
    }

    /** Tags of the images that must stay on the node: those of the newest {@code count} releases and the current one. */
    @Transactional
    public Set<String> imagesToKeep(String appName, int count) {
        return keptBuilds(appName, count, build -> build.imageTag);
    }

    /**
     * The references instances start from ({@code registry/gantry/APP@sha256:...} once published) of the images that
     * must stay on the cluster's other hosts: as {@link #imagesToKeep}, which names them by their tags on this host.
     */
    @Transactional
    public Set<String> publishedImagesToKeep(String appName, int count) {
        return keptBuilds(appName, count, build -> build.imageId);
    }

    private static Set<String> keptBuilds(String appName, int count, Function<Build, String> name) {
        Set<String> keep = new HashSet<>();
        App.findByName(appName).ifPresent(app -> {
            Release.<Release>find("app = ?1 order by version desc", app).page(0, count).stream()
                    .forEach(release -> keep.add(name.apply(release.build)));
            Release.current(app).ifPresent(current -> keep.add(name.apply(current.build)));
        });
        return keep;
    }

    /** The app's latest config snapshot (what the next release gets). */
    @Transactional
    public Map<String, String> configOf(String appName) {
        return App.findByName(appName).map(app -> Map.copyOf(Config.latestOf(app).vars)).orElse(Map.of());
    }

    /**
     * Stores {@code vars} as the app's new config and, when a release serves, appends one with its
     * build, process types and health check and the new config. Empty when there is no release yet.
     */
    @Transactional
    public Optional<Long> appendConfigChange(String appName, Map<String, String> vars, String summary, String user) {
        App app = App.findByName(appName).orElseThrow(() -> new NotFoundException("app '" + appName + "' is gone"));
        Config config = Config.snapshot(app, vars);
        return Release.current(app)
                .map(current -> Release.append(app, current.build, config, current.checks,
                        current.processTypesOrDefault(), summary, user).id);
    }

    /** The app's health check as it will apply to the next release. */
    @Transactional
    public HealthCheckSpec checksOf(String appName) {
        return App.findByName(appName).map(App::checksOrDefault).orElse(HealthCheckSpec.DEFAULT);
    }

    /**
     * Opens a deployment of a release and returns what the rollout needs to know. A rollout also
     * ends maintenance: what is deployed runs.
     */
    @Transactional
    public RolloutTarget startDeployment(long releaseId) {
        Release release = Release.findById(releaseId);
        release.app.stopped = false;
        Deployment deployment = new Deployment();
        deployment.app = release.app;
        deployment.release = release;
        deployment.state = Deployment.State.STARTING;
        deployment.startedAt = Instant.now();
        deployment.persist();
        return RolloutTarget.of(release, deployment.id);
    }

    /** Whether no earlier release used this release's build: a deploy, not a config change or rollback. */
    @Transactional
    public boolean isFirstReleaseOfItsBuild(long releaseId) {
        Release release = Release.findById(releaseId);
        return Release.count("build = ?1 and version < ?2", release.build, release.version) == 0;
    }

    @Transactional
    public void releaseCommandRan(long deploymentId, String command) {
        Deployment.<Deployment>findById(deploymentId).releaseCommand = command;
    }

    /**
     * The release commands that ran for releases after vK up to the current one, newest first: what a
     * rollback to vK does not undo.
     */
    @Transactional
    public List<String> releaseCommandsSince(String appName, int version) {
        App app = App.findByName(appName).orElseThrow(() -> new NotFoundException("app '" + appName + "' is gone"));
        return Deployment.<Deployment>find("app = ?1 and release.version > ?2 and releaseCommand is not null"
                        + " and state in ?3 order by release.version desc", app, version,
                        List.of(Deployment.State.SUCCEEDED, Deployment.State.ROLLED_BACK))
                .stream().map(d -> d.release.label() + " ran '" + d.releaseCommand + "'").toList();
    }

    /** Every new instance passed its health check; the switch comes next. */
    @Transactional
    public void deploymentSwitching(long deploymentId) {
        Deployment deployment = Deployment.findById(deploymentId);
        deployment.state = Deployment.State.SWITCHING;
        deployment.healthyAt = Instant.now();
    }

    /** The router now sends the app's traffic to this release. */
    @Transactional
    public void deploymentSucceeded(long deploymentId) {
        Deployment.<Deployment>findById(deploymentId).switchedAt = Instant.now();
        finish(deploymentId, Deployment.State.SUCCEEDED, null);
    }

    /** The release served, then failed while watched, and Gantry rolled back from it. */
    @Transactional
    public void deploymentRolledBack(long deploymentId, String reason) {
        Deployment deployment = Deployment.findById(deploymentId);
        deployment.state = Deployment.State.ROLLED_BACK;
        deployment.failure = reason;
        metrics.rolledBackAutomatically();
    }

    @Transactional
    public void deploymentFailed(long deploymentId, String reason) {
        finish(deploymentId, Deployment.State.FAILED, reason);
    }

    /** What the instance that failed to start printed last; nothing is kept when it printed nothing. */
    @Transactional
    public void lastOutputOfFailure(long deploymentId, String lastOutput) {
        if (!lastOutput.isBlank()) {
            Deployment.<Deployment>findById(deploymentId).lastOutput = lastOutput;
        }
    }

    /**
     * Builds and deployments still under way when Gantry starts were cut off by a stop or crash of
     * an earlier process (those started before {@code bootedAt}); they are recorded as failed so
     * history never shows work that will not finish. An interrupted rollout is never finished on
     * start: its push already failed, so the release before it goes on serving, as the user expects.
     */
    @Transactional
    public int failInterruptedWork(Instant bootedAt) {
        return Build.update("status = ?1, failure = ?2, finishedAt = ?3 where status = ?4 and startedAt < ?5",
                Build.Status.FAILED, "interrupted: the control plane restarted during the build. Push again",
                Instant.now(), Build.Status.BUILDING, bootedAt)
                + Deployment.update("state = ?1, failure = ?2, finishedAt = ?3 where state in ?4 and startedAt < ?5",
                        Deployment.State.FAILED, "interrupted: the control plane restarted during the rollout;"
                                + " the release before kept serving. Push again",
                        Instant.now(), List.of(Deployment.State.STARTING, Deployment.State.SWITCHING), bootedAt);
    }

    /** What the app should be serving now, if any release of it ever rolled out. */
    @Transactional
    public Optional<RolloutTarget> currentTarget(String appName) {
        return App.findByName(appName)
                .flatMap(Release::current)
                .map(release -> RolloutTarget.of(release, Deployment.latestOf(release).map(d -> d.id).orElse(0L)));
    }

    /** The commit the current release was built from, if a release serves. */
    @Transactional
    public Optional<String> currentCommit(String appName) {
        return App.findByName(appName).flatMap(Release::current).map(release -> release.build.commitSha);
    }

    /**
     * Stores new instance counts. Once a release serves, only its long-running process types can be
     * scaled; before that, any valid name is kept for the first deploy.
     */
    @Transactional
    public void setFormation(String appName, Map<String, Integer> counts) {
        App app = App.findByName(appName).orElseThrow(() -> new NotFoundException("app '" + appName + "' is gone"));
        Release.current(app).map(Release::processTypesOrDefault).ifPresent(types -> counts.keySet().stream()
                .filter(type -> !types.has(type))
                .findFirst()
                .ifPresent(unknown -> {
                    throw new InvalidInputException(appName + " has no process type '" + unknown + "' (its types: "
                            + types + "). Declare it in the Procfile and push, or scale one of those");
                }));
        counts.forEach((type, quantity) -> Formation.set(app, type, quantity));
    }

    /** Instances wanted per process type of the current release (or as stored, before any release). */
    @Transactional
    public Map<String, Integer> formationOf(String appName) {
        App app = App.findByName(appName).orElseThrow(() -> new NotFoundException("app '" + appName + "' is gone"));
        Optional<Release> current = Release.current(app);
        if (current.isPresent()) {
            return Formation.ensureFor(app, current.get().processTypesOrDefault().longRunning().keySet());
        }
        Map<String, Integer> stored = new LinkedHashMap<>();
        Formation.of(app).forEach(row -> stored.put(row.processType, row.quantity));
        return stored;
    }

    /** Maintenance: while stopped nothing of the app runs, and nothing restarts it. */
    @Transactional
    public void setStopped(String appName, boolean stopped) {
        App.findByName(appName).orElseThrow(() -> new NotFoundException("app '" + appName + "' is gone")).stopped =
                stopped;
    }

    @Transactional
    public boolean isStopped(String appName) {
        return App.findByName(appName).map(app -> app.stopped).orElse(false);
    }

    /** What should run for the app now: its current release at its formation, and nothing while it is stopped. */
    @Transactional
    public Optional<RolloutTarget> desiredState(String appName) {
        return App.findByName(appName).flatMap(app -> currentTarget(appName)
                .map(target -> app.stopped ? target.withFormation(Map.of()) : target));
    }

    private void finish(long deploymentId, Deployment.State state, String reason) {
        Deployment deployment = Deployment.findById(deploymentId);
        deployment.state = state;
        deployment.failure = reason;
        deployment.finishedAt = Instant.now();
        metrics.rolledOut(state == Deployment.State.SUCCEEDED, Duration.between(deployment.startedAt, deployment.finishedAt));
    }
}
