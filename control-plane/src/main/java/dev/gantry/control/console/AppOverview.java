package dev.gantry.control.console;

import dev.gantry.control.apps.AppService;
import dev.gantry.control.audit.AuditLog;
import dev.gantry.control.audit.AuditQuery;
import dev.gantry.control.command.Formats;
import dev.gantry.control.deploy.Rollout;
import dev.gantry.control.domain.App;
import dev.gantry.control.formation.InstanceReport;
import dev.gantry.control.releases.ReleaseDetails;
import dev.gantry.control.releases.ReleaseHistory;
import dev.gantry.control.releases.ReleaseView;
import dev.gantry.control.routing.AppRoutes;
import dev.gantry.control.routing.DomainService;
import dev.gantry.control.users.Authorization;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Reads what the apps list and the app page show from the services the commands use ({@code ps},
 * {@code releases}, {@code domains}, {@code audit}), and words it as they do.
 */
@ApplicationScoped
public class AppOverview {

    static final int RELEASES_SHOWN = 20;
    static final int ACTIVITY_SHOWN = 15;

    private final AppService apps;
    private final Authorization authorization;
    private final ReleaseHistory history;
    private final InstanceReport report;
    private final DomainService domains;
    private final AuditLog audit;
    private final AppRoutes routes;

    AppOverview(AppService apps, ReleaseHistory history, InstanceReport report, DomainService domains, AuditLog audit,
            AppRoutes routes, Authorization authorization) {
        this.authorization = authorization;
        this.apps = apps;
        this.history = history;
        this.report = report;
        this.domains = domains;
        this.audit = audit;
        this.routes = routes;
    }

    /** The apps {@code user} may see, as the apps list shows them. */
    public List<AppView.Summary> summaries(String user) {
        return authorization.visibleApps(user).stream()
                .map(app -> new AppView.Summary(app.name, routes.url(app.name),
                        state(app.name, history.timeline(app.name, 1))))
                .toList();
    }

    public AppView of(String appName) {
        App app = apps.get(appName);
        List<ReleaseHistory.Entry> timeline = history.timeline(app.name, RELEASES_SHOWN);
        String current = timeline.stream().filter(entry -> entry.release().status() == ReleaseView.Status.CURRENT)
                .findFirst().map(entry -> entry.release().label()).orElse("none");
        // A running build comes first: it is the deploy in progress, and has no release yet.
        Optional<AppView.Progress> progress = history.building(app.name).map(AppOverview::building)
                .or(() -> timeline.stream().findFirst()
                        .map(newest -> progress(history.details(app.name, newest.release().version()))));
        return new AppView(app.name, routes.url(app.name), state(app.name, timeline), current, progress.orElse(null),
                report.rows(app.name).stream().map(AppOverview::instance).toList(),
                report.formation(app.name).entrySet().stream()
                        .map(entry -> new AppView.ProcessCount(entry.getKey(), entry.getValue())).toList(),
                timeline.stream().map(AppOverview::release).toList(),
                domains.domains(app.name),
                audit.list(AuditQuery.ofApp(app.name), 0, ACTIVITY_SHOWN).stream()
                        .map(event -> new AppView.ActivityLine(Formats.time(event.at()), event.actor(),
                                event.channel(), event.action(), event.result()))
                        .toList());
    }

    private String state(String app, List<ReleaseHistory.Entry> newestFirst) {
        if (report.stopped(app)) {
            return "stopped (ps:stop)";
        }
        Optional<ReleaseView> newest = newestFirst.stream().findFirst().map(ReleaseHistory.Entry::release);
        return newest.map(release -> switch (release.status()) {
            case CURRENT -> "running " + release.label();
            case DEPLOYING -> "deploying " + release.label();
            case FAILED -> release.label() + " failed";
            case ROLLED_BACK -> release.label() + " was rolled back";
            case SUCCEEDED -> "running";
        }).orElse("no release yet: git push to deploy");
    }

    private static AppView.Progress progress(ReleaseDetails details) {
        ReleaseDetails.Rollout rollout = details.rollout();
        if (rollout == null) {
            return null;
        }
        return new AppView.Progress(details.release().label(), rollout.state().toLowerCase().replace('_', ' '),
                List.of(step("started", rollout.startedAt()), step("healthy", rollout.healthyAt()),
                        step("switched traffic", rollout.switchedAt()), step("finished", rollout.finishedAt())),
                rollout.failure(), rollout.lastOutput() == null ? List.of() : rollout.lastOutput().lines().toList(),
                rollout.finishedAt() == null);
    }

    private static AppView.Progress building(ReleaseHistory.BuildInProgress build) {
        return new AppView.Progress("commit " + build.commit() + " by " + build.createdBy(), "building",
                List.of(step("build started", build.startedAt()), step("started", null), step("healthy", null),
                        step("switched traffic", null), step("finished", null)),
                null, List.of(), true);
    }

    private static AppView.Step step(String name, Instant at) {
        return new AppView.Step(name, at == null ? "-" : Formats.time(at));
    }

    private static AppView.InstanceLine instance(InstanceReport.Row row) {
        return new AppView.InstanceLine(row.slot(), row.release(), row.state(), Formats.duration(row.uptime()),
                row.restarts(), row.address(), row.health());
    }

    private static AppView.ReleaseLine release(ReleaseHistory.Entry entry) {
        ReleaseView view = entry.release();
        String status = view.status().name().toLowerCase().replace('_', ' ');
        return new AppView.ReleaseLine(view.version(), view.label(), status,
                Formats.time(view.createdAt()), view.createdBy(), view.summary(),
                view.commit() == null ? "-" : view.commit(), entry.configChange().describe(),
                view.status() == ReleaseView.Status.CURRENT);
    }
}
