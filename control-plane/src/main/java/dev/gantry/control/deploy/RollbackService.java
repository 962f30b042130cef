package dev.gantry.control.deploy;

import dev.gantry.common.LineSink;
import dev.gantry.control.ConflictException;
import dev.gantry.control.InvalidInputException;
import dev.gantry.control.NotFoundException;
import dev.gantry.control.apps.AppLocks;
import dev.gantry.control.apps.AppService;
import dev.gantry.control.build.ImageRetention;
import dev.gantry.control.releases.ReleaseLedger;
import dev.gantry.control.releases.RolloutTarget;
import dev.gantry.node.ImageStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * What happens on {@code rollback APP [vK]}: lock the app, pick the release to go back to, append
 * release vN+1 as a copy of it (history only grows), and roll that out like any deploy. The image is
 * still on the node, so nothing is built.
 */
@ApplicationScoped
public class RollbackService {

    private static final Logger LOG = Logger.getLogger(RollbackService.class);
    /** The user recorded on releases Gantry makes by itself. */
    static final String AUTOMATIC = "gantry";
    private static final Pattern VERSION = Pattern.compile("v?([1-9][0-9]{0,8})");

    private final AppService apps;
    private final AppLocks locks;
    private final ReleaseLedger ledger;
    private final ImageStore images;
    private final Rollout rollout;
    private final ImageRetention retention;
    private final ReleaseWatch watch;

    RollbackService(AppService apps, AppLocks locks, ReleaseLedger ledger, ImageStore images, Rollout rollout,
            ImageRetention retention, ReleaseWatch watch) {
        this.apps = apps;
        this.locks = locks;
        this.ledger = ledger;
        this.images = images;
        this.rollout = rollout;
        this.retention = retention;
        this.watch = watch;
    }

    /** {@code v3} or {@code 3}; anything else is refused with the expected form. */
    public static int parseVersion(String text) {
        Matcher matcher = VERSION.matcher(text == null ? "" : text);
        if (!matcher.matches()) {
            throw new InvalidInputException("'" + text + "' is not a release version. Write it as vN, e.g. v3"
                    + " ('releases APP' lists them)");
        }
        return Integer.parseInt(matcher.group(1));
    }

    /**
     * @param force go back even past releases whose release command ran (migrations are not undone by
     *        a rollback, so Gantry asks first)
     */
    public RolloutTarget rollback(String app, Optional<Integer> requested, boolean force, String user,
            LineSink progress) {
        apps.get(app);
        try (AppLocks.Held lock = locks.acquire(app, progress)) {
            watch.stopWatching(app);
            int version = requested.orElseGet(() -> previousServingVersion(app));
            checkRollbackTarget(app, version);
            if (!force) {
                refusePastReleaseCommands(app, version);
            }
            RolloutTarget target = rollBackTo(app, version, "Rollback to v" + version, user, progress);
            watch.watch(target, progress);
            return target;
        }
    }

    /**
     * Called by the {@link ReleaseWatch} when a release that took traffic fails: records it as rolled
     * back and returns to the release that served before. The result is not watched again, so a
     * failing history cannot make Gantry walk back release after release.
     */
    public void rollBackAutomatically(RolloutTarget failed, String problem) {
        LineSink log = line -> LOG.infof("%s auto-rollback: %s", failed.app(), line.trim());
        try (AppLocks.Held lock = locks.acquire(failed.app(), log)) {
            if (ledger.currentTarget(failed.app()).filter(now -> now.releaseId() == failed.releaseId()).isEmpty()) {
                return;
            }
            int version = previousServingVersion(failed.app());
            checkRollbackTarget(failed.app(), version);
            ledger.deploymentRolledBack(failed.deploymentId(), problem);
            rollBackTo(failed.app(), version, "Automatic rollback from " + failed.label() + ": " + problem,
                    AUTOMATIC, log);
        } catch (RuntimeException e) {
            LOG.errorf("%s: automatic rollback from %s failed: %s", failed.app(), failed.label(), e.getMessage());
        }
    }

    private RolloutTarget rollBackTo(String app, int version, String summary, String user, LineSink progress) {
        long releaseId = ledger.appendCopyOf(app, version, summary, user);
        progress.line("-----> Rolling " + app + " back to v" + version + " (no build: its image is on the node)");
        RolloutTarget target = rollout.rollOut(releaseId, progress);
        retention.prune(app);
        return target;
    }

    private void refusePastReleaseCommands(String app, int version) {
        List<String> ran = ledger.releaseCommandsSince(app, version);
        if (!ran.isEmpty()) {
            throw new ConflictException(String.join(", ", ran) + " since v" + version + ", and a rollback restores"
                    + " code and config, not data. If v" + version + " works with the data as it is now, run: rollback "
                    + app + " v" + version + " --force");
        }
    }

    private int previousServingVersion(String app) {
        return ledger.previousServingVersion(app).orElseThrow(() -> new ConflictException(app
                + " has no earlier release that served. Name one: rollback " + app + " vK"));
    }

    private void checkRollbackTarget(String app, int version) {
        String image = ledger.imageOf(app, version).orElseThrow(() -> new NotFoundException(app + " has no release v"
                + version + ". Run 'releases " + app + "' to list them"));
        ledger.currentTarget(app).filter(current -> current.version() == version).ifPresent(current -> {
            throw new ConflictException("v" + version + " is already the current release of " + app
                    + ". Name an earlier one: rollback " + app + " vK");
        });
        if (!images.has(image)) {
            throw new ConflictException("the image of v" + version + " is no longer on the node (Gantry keeps the"
                    + " images of the newest releases only). Push that commit again to rebuild it");
        }
    }
}
