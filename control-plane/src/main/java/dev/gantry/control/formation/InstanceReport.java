package dev.gantry.control.formation;

import dev.gantry.control.GantryConfig;
import dev.gantry.control.checks.HealthCheckSpec;
import dev.gantry.control.instances.AppInstance;
import dev.gantry.control.instances.InstanceInventory;
import dev.gantry.control.releases.ReleaseLedger;
import dev.gantry.control.releases.RolloutTarget;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code ps} shows: one row per slot the formation wants and per instance that runs, with its
 * state as a person needs it (up, starting, crashed and when it retries, stopped), uptime,
 * restarts, node, published port and a live health probe of web instances.
 */
@ApplicationScoped
public class InstanceReport {

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(1);

    private final ReleaseLedger ledger;
    private final InstanceInventory inventory;
    private final CrashHistory crashes;
    private final GantryConfig config;

    InstanceReport(ReleaseLedger ledger, InstanceInventory inventory, CrashHistory crashes, GantryConfig config) {
        this.ledger = ledger;
        this.inventory = inventory;
        this.crashes = crashes;
        this.config = config;
    }

    public record Row(String slot, String release, String state, Duration uptime, int restarts, String node,
            String address, String health, String container) {
    }

    public List<Row> rows(String app) {
        Optional<RolloutTarget> desired = ledger.desiredState(app);
        List<AppInstance> instances = inventory.of(app);
        List<Row> rows = new ArrayList<>();
        HealthCheckSpec checks = desired.map(RolloutTarget::checks).orElse(HealthCheckSpec.DEFAULT);
        for (AppInstance instance : instances) {
            rows.add(rowOf(app, instance, desired.map(RolloutTarget::version).orElse(0), checks));
        }
        desired.ifPresent(target -> target.formation().forEach((type, quantity) -> {
            for (int index = 1; index <= quantity; index++) {
                String slot = type + "." + index;
                boolean filled = instances.stream().anyMatch(i -> i.version() == target.version()
                        && i.slot().equals(slot) && i.running() && !inventory.isRetiring(i));
                if (!filled && target.processTypes().has(type)) {
                    rows.add(missingRow(target, slot));
                }
            }
        }));
        rows.sort((a, b) -> a.slot().compareTo(b.slot()));
        return rows;
    }

    private Row rowOf(String app, AppInstance instance, int currentVersion, HealthCheckSpec checks) {
        int restarts = crashes.of(app, instance.version(), instance.slot()).map(CrashHistory.Crashes::count).orElse(0);
        String release = "v" + instance.version();
        String node = config.node().advertiseAddress();
        if (!instance.running()) {
            String why = instance.container().oomKilled() ? "out of memory" : "exit " + instance.container().exitCode();
            return new Row(instance.slot(), release, "crashed (" + why + ")", Duration.ZERO, restarts, node, "-", "-",
                    instance.name());
        }
        Instant since = instance.container().startedAt();
        Duration uptime = since == null ? Duration.ZERO : Duration.between(since, Instant.now());
        String state = instance.version() == currentVersion && !inventory.isRetiring(instance) ? "up" : "draining";
        String address = instance.container().hostPort() > 0
                ? instance.container().hostAddress() + ":" + instance.container().hostPort()
                : "-";
        return new Row(instance.slot(), release, state, uptime, restarts, node, address, health(instance, checks),
                instance.name());
    }

    private Row missingRow(RolloutTarget target, String slot) {
        Optional<CrashHistory.Crashes> history = crashes.of(target.app(), target.version(), slot);
        String state = history.map(h -> (h.looping() ? "crash loop" : "crashed") + ", retry in "
                + Math.max(0, Duration.between(Instant.now(), h.retryAt()).toSeconds()) + " s: " + h.lastReason())
                .orElse("starting");
        return new Row(slot, target.label(), state, Duration.ZERO, history.map(CrashHistory.Crashes::count).orElse(0),
                config.node().advertiseAddress(), "-", "-", "-");
    }

    private static String health(AppInstance instance, HealthCheckSpec checks) {
        if (!instance.isWeb() || instance.container().hostPort() == 0 || checks.disabled()) {
            return "-";
        }
        return checks.probe(instance.container().hostAddress(), instance.container().hostPort(), PROBE_TIMEOUT)
                .attempt().map(problem -> "failing: " + problem).orElse("ok");
    }

    public Map<String, Integer> formation(String app) {
        return ledger.formationOf(app);
    }

    public boolean stopped(String app) {
        return ledger.isStopped(app);
    }
}
