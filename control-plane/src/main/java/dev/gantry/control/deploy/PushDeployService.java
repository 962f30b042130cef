package dev.gantry.control.deploy;

import dev.gantry.build.AppJson;
import dev.gantry.build.BuildPlan;
import dev.gantry.build.BuildPlanner;
import dev.gantry.build.InvalidProcfileException;
import dev.gantry.build.NoBuildPlanException;
import dev.gantry.build.ProcessTypes;
import dev.gantry.build.Procfile;
import dev.gantry.build.context.CommitArchive;
import dev.gantry.common.LineSink;
import dev.gantry.control.GantryException;
import dev.gantry.control.apps.AppLocks;
import dev.gantry.control.apps.BuildpackSetting;
import dev.gantry.control.build.CommitTree;
import dev.gantry.control.build.Elapsed;
import dev.gantry.control.build.ImageBuilder;
import dev.gantry.control.build.ImageRetention;
import dev.gantry.control.logs.AppEvents;
import dev.gantry.control.releases.ReleaseLedger;
import dev.gantry.control.releases.RolloutTarget;
import dev.gantry.control.telemetry.ControlPlaneMetrics;
import dev.gantry.control.routing.AppRoutes;
import dev.gantry.git.PushRequest;
import dev.gantry.git.PushResult;
import dev.gantry.node.BuildFailedException;
import dev.gantry.node.BuiltImage;
import dev.gantry.node.ImageStore;
import dev.gantry.node.EngineUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.jboss.logging.Logger;

/**
 * What happens on {@code git push paas main}, top to bottom: lock the app, plan and build an image
 * from the pushed commit, on the first deploy provide app.json's addons, append a release, roll it out. Runs inside git's pre-receive step, so a
 * failure rejects the push and {@code git push} exits non-zero with the reason.
 */
@ApplicationScoped
public class PushDeployService {

    private static final Logger LOG = Logger.getLogger(PushDeployService.class);
    static final Set<String> DEPLOY_BRANCHES = Set.of(Constants.R_HEADS + "main", Constants.R_HEADS + "master");

    private final AppLocks locks;
    private final BuildPlanner planner;
    private final ImageBuilder builder;
    private final ReleaseLedger ledger;
    private final Rollout rollout;
    private final AppRoutes routes;
    private final ImageRetention retention;
    private final ReleaseWatch watch;
    private final AppEvents events;
    private final BuildpackSetting buildpack;
    private final ImageStore images;
    private final FirstDeployAddons addons;
    private final ControlPlaneMetrics metrics;

    PushDeployService(AppLocks locks, BuildPlanner planner, ImageBuilder builder, ReleaseLedger ledger, Rollout rollout,
            AppRoutes routes, ImageRetention retention, ReleaseWatch watch, AppEvents events,
            BuildpackSetting buildpack, ImageStore images, FirstDeployAddons addons, ControlPlaneMetrics metrics) {
        this.metrics = metrics;
        this.locks = locks;
        this.planner = planner;
        this.builder = builder;
        this.ledger = ledger;
        this.rollout = rollout;
        this.routes = routes;
        this.retention = retention;
        this.watch = watch;
        this.events = events;
        this.buildpack = buildpack;
        this.images = images;
        this.addons = addons;
    }

    public PushResult onPush(PushRequest push) {
        if (!DEPLOY_BRANCHES.contains(push.refName())) {
            push.progress().line("-----> Stored " + push.refName() + "; only main or master is deployed");
            return PushResult.accept();
        }
        if (ObjectId.zeroId().equals(push.newId())) {
            return PushResult.reject("deleting " + Repository.shortenRefName(push.refName())
                    + " is refused: it is the branch Gantry deploys. Push a new commit to it instead");
        }
        long started = System.nanoTime();
        boolean deployed = false;
        try {
            deploy(push);
            deployed = true;
            return PushResult.accept();
        } catch (GantryException | NoBuildPlanException | InvalidProcfileException | BuildFailedException
                | EngineUnavailableException | UncheckedIOException e) {
            push.progress().line(" !     " + e.getMessage());
            return PushResult.reject(e.getMessage());
        } finally {
            metrics.pushed(deployed, Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private void deploy(PushRequest push) {
        String commit = push.newId().name();
        LineSink progress = push.progress();
        long started = System.nanoTime();
        try (AppLocks.Held lock = locks.acquireForDeploy(push.app(), push.user(), progress)) {
            watch.stopWatching(push.app());
            CommitTree tree = new CommitTree(push.repository(), push.newId());
            BuildPlan plan = planner.plan(tree, buildpack.of(push.app()), ledger.configOf(push.app()));
            ProcessTypes processTypes = declaredProcessTypes(push);
            AppJsonDeclarations declared = AppJsonDeclarations.of(AppJson.of(tree), processTypes,
                    ledger.checksOf(push.app()));
            progress.line("-----> Building " + push.app() + " " + plan.describe() + " (commit "
                    + commit.substring(0, 7) + "; " + plan.reason() + ")");
            // The plan is recorded with the build, so builds:info can say why it was built that way.
            String dockerfile = plan.generatedDockerfile().or(() -> tree.read(plan.dockerfile())).orElse("");
            long buildId = ledger.startBuild(push.app(), commit, plan, dockerfile, push.user());
            BuiltImage image = build(push, buildId, plan);
            if (ledger.currentTarget(push.app()).isEmpty()) {
                appJson(push).ifPresent(json -> addons.provision(push.app(), json, push.user(), progress));
            }

            long releaseId = ledger.appendRelease(buildId, declared.checks(), processTypes,
                    "Deploy " + commit.substring(0, 7), push.user());
            applyFirstFormation(push, declared.formation());
            RolloutTarget released = rollout.rollOut(releaseId, declared.scripts(), progress);
            retention.prune(push.app());

            if (!declared.cronJobs().isEmpty()) {
                progress.line("-----> Cron jobs: " + declared.cronJobs().size() + " on their schedules ('cron:list "
                        + push.app() + "' shows them)");
            }
            progress.line("=====> " + push.app() + " " + released.label() + " deployed in "
                    + Elapsed.since(started) + ": " + routes.url(push.app()));
            LOG.infof("%s deployed %s %s (image %s)", push.user(), push.app(), released.label(), image.id());
            watch.watch(released, progress);
        }
    }

    /** app.json's formation sets the counts of an app's first deploy; after that, ps:scale's stay. */
    private void applyFirstFormation(PushRequest push, Map<String, Integer> formation) {
        if (formation.isEmpty() || ledger.currentTarget(push.app()).isPresent()) {
            return;
        }
        ledger.setFormation(push.app(), formation);
        push.progress().line("-----> Formation from app.json (first deploy): " + formation.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + entry.getValue()).collect(Collectors.joining(" ")));
    }

    /** The Procfile's process types, with the image's CMD as web unless the Procfile declares one. */
    private ProcessTypes declaredProcessTypes(PushRequest push) {
        try {
            ProcessTypes types = CommitArchive.readFile(push.repository(), push.newId(), Procfile.FILE_NAME)
                    .map(bytes -> Procfile.parse(new String(bytes, StandardCharsets.UTF_8)))
                    .map(ProcessTypes::withImageCommandAsWeb)
                    .orElse(ProcessTypes.imageCommandAsWeb());
            push.progress().line("-----> Process types: " + types);
            return types;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the Procfile from the pushed commit: " + e.getMessage(), e);
        }
    }

    private static Optional<byte[]> appJson(PushRequest push) {
        try {
            return CommitArchive.readFile(push.repository(), push.newId(), "app.json");
        } catch (IOException e) {
            throw new UncheckedIOException("could not read app.json from the pushed commit: " + e.getMessage(), e);
        }
    }

    private BuiltImage build(PushRequest push, long buildId, BuildPlan plan) {
        ImageBuilder.BuildLog log = new ImageBuilder.BuildLog(push.progress());
        try {
            BuiltImage image = builder.build(push.app(), buildId, push.repository(), push.newId(), plan, log);
            // What the release's instances start from: the image itself on one node, the registry's copy on several.
            ledger.buildSucceeded(buildId, images.publish(image), image.tag(), log.text());
            return image;
        } catch (RuntimeException e) {
            ledger.buildFailed(buildId, e.getMessage(), log.text());
            events.record(push.app(), "build of " + push.newId().abbreviate(7).name() + " by " + push.user()
                    + " failed: " + e.getMessage());
            throw e instanceof BuildFailedException
                    ? new BuildFailedException("build failed: " + e.getMessage()
                            + ". Fix " + plan.whatToFix() + " and push again; the running release is unchanged")
                    : e;
        }
    }
}
