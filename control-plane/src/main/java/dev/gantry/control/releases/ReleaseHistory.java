package dev.gantry.control.releases;



import dev.gantry.control.NotFoundException;
import dev.gantry.control.apps.AppService;
import dev.gantry.control.domain.App;
import dev.gantry.control.domain.Build;
import dev.gantry.control.domain.Deployment;
import dev.gantry.control.domain.Release;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads an app's releases, newest first, with the outcome of each one's rollout. */
@ApplicationScoped
public class ReleaseHistory {

    private final AppService apps;

    ReleaseHistory(AppService apps) {
        this.apps = apps;
    }

    @Transactional
    public List<ReleaseView> of(String appName) {
        App app = apps.get(appName);
        Optional<Long> current = Release.current(app).map(release -> release.id);
        return Release.history(app).stream()
                .map(release -> view(release, current.filter(release.id::equals).isPresent()))
                .toList();
    }

    /** A release of the timeline, with the config keys it changed against the release before it. */
    public record Entry(ReleaseView release, ConfigDiff configChange) {
    }

    /** The newest {@code limit} releases, each with its config change, in one read. */
    @Transactional
    public List<Entry> timeline(String appName, int limit) {
        App app = apps.get(appName);
        Optional<Long> current = Release.current(app).map(release -> release.id);
        List<Release> newest = Release.history(app).stream().limit(limit + 1L).toList();
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < Math.min(limit, newest.size()); i++) {
            Release release = newest.get(i);
            Map<String, String> before = i + 1 < newest.size() && newest.get(i + 1).version == release.version - 1
                    ? newest.get(i + 1).config.vars : Map.of();
            entries.add(new Entry(view(release, current.filter(release.id::equals).isPresent()),
                    ConfigDiff.between(before, release.config.vars)));
        }
        return entries;
    }

    /** A push's build that is running now: the first step of a deploy, before any release exists. */
    public record BuildInProgress(String commit, String createdBy, Instant startedAt) {
    }

    @Transactional
    public Optional<BuildInProgress> building(String appName) {
        App app = apps.get(appName);
        return Build.<Build>find("app = ?1 and status = ?2 order by id desc", app, Build.Status.BUILDING)
                .firstResultOptional()
                .map(build -> new BuildInProgress(build.shortCommit(), build.createdBy, build.startedAt));
    }

    @Transactional
    public ReleaseDetails details(String appName, int version) {
        App app = apps.get(appName);
        Release release = find(app, version);
        boolean current = Release.current(app).map(r -> r.id.equals(release.id)).orElse(false);
        Map<String, String> before = Release.findByVersion(app, version - 1).map(r -> r.config.vars).orElse(Map.of());
        ReleaseDetails.Rollout rollout = Deployment.latestOf(release)
                .map(d -> new ReleaseDetails.Rollout(d.state.name(), d.startedAt, d.healthyAt, d.switchedAt,
                        d.finishedAt, d.failure, d.releaseCommand, d.lastOutput))
                .orElse(null);
        return new ReleaseDetails(view(release, current), release.build.id, release.build.kind,
                release.build.commitSha, release.build.imageId, Map.copyOf(release.config.vars),
                ConfigDiff.between(before, release.config.vars), release.checksOrDefault(), rollout);
    }

    private static Release find(App app, int version) {
        return Release.findByVersion(app, version).orElseThrow(() -> new NotFoundException(app.name
                + " has no release v" + version + ". Run 'releases " + app.name + "' to list them"));
    }

    private static ReleaseView view(Release release, boolean current) {
        Optional<Deployment> deployment = Deployment.latestOf(release);
        ReleaseView.Status status = current ? ReleaseView.Status.CURRENT
                : deployment.map(ReleaseHistory::statusOf).orElse(ReleaseView.Status.DEPLOYING);
        return new ReleaseView(release.version, status, release.createdAt, release.build.shortCommit(),
                release.createdBy, release.summary, deployment.map(d -> d.failure).orElse(null));
    }

    private static ReleaseView.Status statusOf(Deployment deployment) {
        return switch (deployment.state) {
            case SUCCEEDED -> ReleaseView.Status.SUCCEEDED;
            case FAILED -> ReleaseView.Status.FAILED;
            case ROLLED_BACK -> ReleaseView.Status.ROLLED_BACK;
            case STARTING, SWITCHING -> ReleaseView.Status.DEPLOYING;
        };
    }
}
