package dev.gantry.control.formation;

import dev.gantry.build.ProcessTypes;
import dev.gantry.common.LineSink;
import dev.gantry.control.DeployFailedException;
import dev.gantry.control.InvalidInputException;
import dev.gantry.control.apps.AppLocks;
import dev.gantry.control.apps.AppService;
import dev.gantry.control.deploy.ReleaseWatch;
import dev.gantry.control.domain.Formation;
import dev.gantry.control.instances.AppInstance;
import dev.gantry.control.instances.InstanceInventory;
import dev.gantry.control.logs.AppEvents;
import dev.gantry.control.releases.ReleaseLedger;
import dev.gantry.control.releases.RolloutTarget;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * What happens on {@code ps:scale APP web=3 worker=0}, {@code ps:stop} and {@code ps:start}: lock
 * the app, store the wanted counts (they outlive restarts and apply to every later release), then
 * reconcile: new web instances join the route only once healthy, removed ones drain before they
 * stop. Scaling makes no release: the code and config that run are unchanged.
 */
@ApplicationScoped
public class ScaleService {

    private static final int RETRIES = 2;
    private static final Duration MAX_WAIT = Duration.ofSeconds(5);

    private final AppService apps;
    private final AppLocks locks;
    private final ReleaseLedger ledger;
    private final FormationReconciler reconciler;
    private final InstanceInventory inventory;
    private final ReleaseWatch watch;
    private final AppEvents events;
    private final CrashHistory crashes;
    private final VolumeHost volumeHost;

    ScaleService(AppService apps, AppLocks locks, ReleaseLedger ledger, FormationReconciler reconciler,
            InstanceInventory inventory, ReleaseWatch watch, AppEvents events, CrashHistory crashes, VolumeHost volumeHost) {
        this.apps = apps;
        this.locks = locks;
        this.ledger = ledger;
        this.reconciler = reconciler;
        this.inventory = inventory;
        this.watch = watch;
        this.events = events;
        this.crashes = crashes;
        this.volumeHost = volumeHost;
    }

    /** {@code web=3} style arguments to counts, refusing bad names and numbers with the fix. */
    public static Map<String, Integer> parseCounts(Map<String, String> assignments) {
        if (assignments.isEmpty()) {
            throw new InvalidInputException("no process type given. Write e.g. web=2 worker=1");
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        assignments.forEach((type, text) -> {
            if (!ProcessTypes.isValidName(type) || ProcessTypes.RELEASE.equals(type)) {
                throw new InvalidInputException("'" + type + "' is not a process type that can be scaled. Use the"
                        + " names in the Procfile (" + ProcessTypes.NAME_RULE + ")");
            }
            if (!text.matches("[0-9]{1,3}") || Integer.parseInt(text) > Formation.MAX_QUANTITY) {
                throw new InvalidInputException("'" + type + "=" + text + "' is not a count from 0 to "
                        + Formation.MAX_QUANTITY + ". Write e.g. " + type + "=2");
            }
            counts.put(type, Integer.parseInt(text));
        });
        return counts;
    }

    public Map<String, Integer> scale(String app, Map<String, Integer> counts, String user, LineSink progress) {
        apps.get(app);
        try (AppLocks.Held lock = locks.acquire(app, progress)) {
            ledger.setFormation(app, counts);
            if (Integer.valueOf(0).equals(counts.get(ProcessTypes.WEB))) {
                // No web instance is wanted now, so none can crash: the watch would take their absence for one.
                watch.stopWatching(app);
            }
            events.record(app, "scaled " + describe(counts) + " by " + user);
            volumeHost.notes(app, counts).forEach(note -> progress.line("-----> " + note));
            return converge(app, progress);
        }
    }

    public void stop(String app, String user, LineSink progress) {
        apps.get(app);
        try (AppLocks.Held lock = locks.acquire(app, progress)) {
            watch.stopWatching(app);
            ledger.setStopped(app, true);
            events.record(app, "stopped by " + user + " (maintenance: the router answers 503 until ps:start)");
            reconciler.reconcile(app, progress);
        }
    }

    public Map<String, Integer> start(String app, String user, LineSink progress) {
        apps.get(app);
        try (AppLocks.Held lock = locks.acquire(app, progress)) {
            ledger.setStopped(app, false);
            events.record(app, "started by " + user);
            return converge(app, progress);
        }
    }

    /** Reconciles now and fails if a wanted instance did not come up; the supervisor keeps retrying it. */
    private Map<String, Integer> converge(String app, LineSink progress) {
        Map<String, Integer> formation = ledger.formationOf(app);
        Optional<RolloutTarget> current = ledger.currentTarget(app);
        if (current.isEmpty()) {
            progress.line("-----> " + app + " has no release yet; the first deploy starts " + describe(formation));
            return formation;
        }
        int version = current.get().version();
        reconciler.reconcile(app, progress);
        List<String> missing = missing(app, version, formation);
        // A start can fail for a passing reason (the engine's port allocator under churn): wait out the
        // first backoffs here rather than fail a command that the next pass would have fulfilled.
        for (int retry = 0; retry < RETRIES && !missing.isEmpty() && !crashLooping(app, version, missing); retry++) {
            sleepUntilRetry(app, version, missing);
            reconciler.reconcile(app, progress);
            missing = missing(app, version, formation);
        }
        if (!missing.isEmpty()) {
            String why = missing.stream()
                    .map(slot -> slot + " " + crashes.of(app, version, slot).map(CrashHistory.Crashes::lastReason)
                            .orElse("did not start"))
                    .collect(Collectors.joining("; "));
            throw new DeployFailedException(why + ". Gantry keeps retrying with backoff. Run 'ps " + app
                    + "' to follow it, or scale back down");
        }
        return formation;
    }

    private List<String> missing(String app, int version, Map<String, Integer> formation) {
        List<AppInstance> serving = inventory.serving(app, version);
        return formation.entrySet().stream()
                .flatMap(wanted -> IntStream.rangeClosed(1, wanted.getValue())
                        .mapToObj(index -> wanted.getKey() + "." + index))
                .filter(slot -> serving.stream().noneMatch(instance -> instance.running() && instance.slot().equals(slot)))
                .toList();
    }

    private boolean crashLooping(String app, int version, List<String> slots) {
        return slots.stream().anyMatch(slot -> crashes.of(app, version, slot).map(CrashHistory.Crashes::looping)
                .orElse(false));
    }

    private void sleepUntilRetry(String app, int version, List<String> slots) {
        Instant retryAt = slots.stream().map(slot -> crashes.of(app, version, slot).map(CrashHistory.Crashes::retryAt))
                .flatMap(Optional::stream).max(Instant::compareTo).orElse(Instant.now());
        long millis = Math.min(MAX_WAIT.toMillis(), Math.max(0, Duration.between(Instant.now(), retryAt).toMillis()));
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static String describe(Map<String, Integer> counts) {
        return counts.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
    }
}
