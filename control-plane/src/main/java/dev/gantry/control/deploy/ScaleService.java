package dev.gantry.control.deploy;

import dev.gantry.buildpacks.ProcessTypes;
import dev.gantry.control.InvalidInputException;
import dev.gantry.control.apps.AppService;
import dev.gantry.control.domain.Formation;
import dev.gantry.git.LineSink;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    private final AppService apps;
    private final AppLocks locks;
    private final ReleaseLedger ledger;
    private final FormationReconciler reconciler;
    private final InstanceInventory inventory;
    private final ReleaseWatch watch;
    private final AppEvents events;

    ScaleService(AppService apps, AppLocks locks, ReleaseLedger ledger, FormationReconciler reconciler,
            InstanceInventory inventory, ReleaseWatch watch, AppEvents events) {
        this.apps = apps;
        this.locks = locks;
        this.ledger = ledger;
        this.reconciler = reconciler;
        this.inventory = inventory;
        this.watch = watch;
        this.events = events;
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
            events.record(app, "scaled " + describe(counts) + " by " + user);
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
        if (ledger.currentTarget(app).isEmpty()) {
            progress.line("-----> " + app + " has no release yet; the first deploy starts " + describe(formation));
            return formation;
        }
        reconciler.reconcile(app, progress);
        int version = ledger.currentTarget(app).orElseThrow().version();
        List<String> missing = formation.entrySet().stream()
                .flatMap(wanted -> IntStream.rangeClosed(1, wanted.getValue())
                        .mapToObj(index -> wanted.getKey() + "." + index))
                .filter(slot -> inventory.serving(app, version).stream()
                        .noneMatch(instance -> instance.running() && instance.slot().equals(slot)))
                .toList();
        if (!missing.isEmpty()) {
            throw new DeployFailedException(String.join(", ", missing) + " did not start (the output above says why);"
                    + " Gantry keeps retrying with backoff. Run 'ps " + app + "' to follow it, or scale back down");
        }
        return formation;
    }

    public static String describe(Map<String, Integer> counts) {
        return counts.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
    }
}
