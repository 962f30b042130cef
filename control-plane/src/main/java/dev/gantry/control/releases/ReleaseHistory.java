package dev.gantry.control.releases;

import dev.gantry.control.apps.AppService;
import dev.gantry.control.domain.App;
import dev.gantry.control.domain.Deployment;
import dev.gantry.control.domain.Release;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
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
            case STARTING, SWITCHING -> ReleaseView.Status.DEPLOYING;
        };
    }
}
