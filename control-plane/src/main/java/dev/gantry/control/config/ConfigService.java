package dev.gantry.control.config;

import dev.gantry.common.LineSink;
import dev.gantry.control.InvalidInputException;
import dev.gantry.control.apps.AppLocks;
import dev.gantry.control.apps.AppService;
import dev.gantry.control.deploy.ReleaseWatch;
import dev.gantry.control.deploy.Rollout;
import dev.gantry.control.releases.ReleaseLedger;
import dev.gantry.control.releases.RolloutTarget;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What happens on {@code config:set} and {@code config:unset}: lock the app, check the change,
 * store a new config snapshot and, when the app already serves a release, append a release with
 * the same build and the new config and roll it out like any deploy. Nothing is rebuilt.
 */
@ApplicationScoped
public class ConfigService {

    private final AppService apps;
    private final AppLocks locks;
    private final ReleaseLedger ledger;
    private final Rollout rollout;
    private final ReleaseWatch watch;

    ConfigService(AppService apps, AppLocks locks, ReleaseLedger ledger, Rollout rollout, ReleaseWatch watch) {
        this.apps = apps;
        this.locks = locks;
        this.ledger = ledger;
        this.rollout = rollout;
        this.watch = watch;
    }

    public Map<String, String> config(String app) {
        apps.get(app);
        return new TreeMap<>(ledger.configOf(app));
    }

    /** Returns the release the change was rolled out as, if the app had one to change. */
    public Optional<RolloutTarget> set(String app, Map<String, String> changes, String user, LineSink progress) {
        if (changes.isEmpty()) {
            throw new InvalidInputException("nothing to set. Use config:set " + app + " KEY=VALUE [KEY2=VALUE2 ...]");
        }
        changes.forEach((key, value) -> {
            ConfigRules.checkKey(key);
            ConfigRules.checkValue(key, value);
        });
        return change(app, vars -> vars.putAll(changes), "Set " + String.join(", ", changes.keySet()), user, progress);
    }

    public Optional<RolloutTarget> unset(String app, Collection<String> keys, String user, LineSink progress) {
        if (keys.isEmpty()) {
            throw new InvalidInputException("nothing to unset. Use config:unset " + app + " KEY [KEY2 ...]");
        }
        return change(app, vars -> {
            for (String key : keys) {
                if (vars.remove(key) == null) {
                    throw new InvalidInputException(key + " is not set on " + app + ". Run 'config " + app
                            + "' to list the keys");
                }
            }
        }, "Unset " + String.join(", ", keys), user, progress);
    }

    /**
     * Sets and unsets in one change, one release (a PATCH of the REST API: a null value unsets). Keys
     * to unset that are not set are ignored, so retrying the same change is harmless.
     */
    public Optional<RolloutTarget> patch(String app, Map<String, String> changes, String user, LineSink progress) {
        if (changes.isEmpty()) {
            throw new InvalidInputException("nothing to change. Send e.g. {\"GREETING\": \"hello\", \"OLD\": null}");
        }
        Map<String, String> set = new LinkedHashMap<>();
        List<String> unset = new ArrayList<>();
        changes.forEach((key, value) -> {
            ConfigRules.checkKey(key);
            if (value == null) {
                unset.add(key);
            } else {
                ConfigRules.checkValue(key, value);
                set.put(key, value);
            }
        });
        String summary = Stream.of(set.isEmpty() ? "" : "Set " + String.join(", ", set.keySet()),
                unset.isEmpty() ? "" : "Unset " + String.join(", ", unset))
                .filter(part -> !part.isEmpty()).collect(Collectors.joining("; "));
        return change(app, vars -> {
            vars.putAll(set);
            unset.forEach(vars::remove);
        }, summary, user, progress);
    }

    private Optional<RolloutTarget> change(String app, Consumer<Map<String, String>> edit,
            String summary, String user, LineSink progress) {
        apps.get(app);
        try (AppLocks.Held lock = locks.acquire(app, progress)) {
            Map<String, String> vars = new LinkedHashMap<>(ledger.configOf(app));
            edit.accept(vars);
            ConfigRules.checkTotal(vars);
            Optional<Long> releaseId = ledger.appendConfigChange(app, vars, summary, user);
            if (releaseId.isEmpty()) {
                progress.line("-----> Stored; the first deploy of " + app + " will use it");
                return Optional.empty();
            }
            watch.stopWatching(app);
            RolloutTarget target = rollout.rollOut(releaseId.get(), progress);
            watch.watch(target, progress);
            return Optional.of(target);
        }
    }
}
